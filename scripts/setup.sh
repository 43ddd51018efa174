#!/usr/bin/env bash
# Installs what Clarion needs from the system when it is missing: a Chromium to print PDFs (its
# headless shell where apt has it) and,
# for the test suite, a Java runtime (the HTML checker) and poppler-utils. Debian/Ubuntu (apt-get); elsewhere it
# says what to install.
set -euo pipefail

missing=()
has_browser=false
[ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && has_browser=true
for browser in /usr/lib/chromium/chromium-headless-shell chromium-headless-shell chrome-headless-shell; do
  command -v "$browser" >/dev/null && has_browser=true
done
# Chromium's headless shell prints with the same engine as the full browser and starts several times
# faster. A full Chromium or Chrome will do where the shell cannot be installed.
has_full_browser=false
for browser in chromium chromium-browser google-chrome google-chrome-stable; do
  command -v "$browser" >/dev/null && has_full_browser=true
done
command -v java >/dev/null || missing+=(default-jre-headless)
# poppler's pdftotext reads right-to-left PDFs back in logical order (the Urdu tests use it).
command -v pdftotext >/dev/null || missing+=(poppler-utils)

if $has_browser && [ ${#missing[@]} -eq 0 ]; then
  echo "setup: Chromium, Java and poppler-utils are present."
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  if ! $has_browser && ! $has_full_browser; then missing+=(chromium); fi
  if [ ${#missing[@]} -eq 0 ]; then
    echo "setup: Chromium, Java and poppler-utils are present (Chromium's headless shell would start faster)."
    exit 0
  fi
  echo "setup: please install ${missing[*]} with your system's package manager (or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium)." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
if ! $has_browser; then
  if apt-cache show chromium-headless-shell >/dev/null 2>&1; then
    missing+=(chromium-headless-shell)
  elif ! $has_full_browser; then
    missing+=(chromium)
  fi
fi
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: Chromium, Java and poppler-utils are present."
  exit 0
fi
echo "setup: installing ${missing[*]} with apt-get"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "setup: done."
