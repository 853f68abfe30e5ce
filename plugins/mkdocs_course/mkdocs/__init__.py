"""The MkDocs adapter: configuration and event handlers, nothing else."""
