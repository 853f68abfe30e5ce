# Shared by demo.sh and test.sh: make sure python3 can create a virtual
# environment, then create .venv and install the project into it.
# Usage: source scripts/setup.sh [extra apt packages...]

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
python3 -c "import ensurepip, venv" 2>/dev/null || missing+=(python3-venv)
for package in "$@"; do
  case "$package" in
    chromium) command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM:-}" ] || missing+=(chromium) ;;
    npm) command -v npm >/dev/null 2>&1 || missing+=(npm) ;;
    # a font with Arabic script, for the right-to-left certificate tests
    arabic-font) fc-list :lang=ar 2>/dev/null | grep -q . || missing+=(fonts-dejavu-core) ;;
    # reads the trainer's CSV and Excel reports back, as a spreadsheet user would
    libreoffice) command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui) ;;
  esac
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
fi

if [ ! -x .venv/bin/python ]; then
  echo "Creating the virtual environment .venv"
  python3 -m venv .venv
fi
