"""Packages made from a built site: each export reads the build manifest a
build writes into every language's site folder, never the build's private
state, so exports work on any finished build."""
