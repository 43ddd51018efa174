#!/usr/bin/env bash
# Installs what Clarion needs from the system when it is missing: a Chromium to print PDFs and,
# for the test suite, a Java runtime (the HTML checker) and poppler-utils. Debian/Ubuntu (apt-get); elsewhere it
# says what to install.
set -euo pipefail

missing=()
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ] && ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null \
  && ! command -v google-chrome >/dev/null && ! command -v google-chrome-stable >/dev/null; then
  missing+=(chromium)
fi
command -v java >/dev/null || missing+=(default-jre-headless)
# poppler's pdftotext reads right-to-left PDFs back in logical order (the Urdu tests use it).
command -v pdftotext >/dev/null || missing+=(poppler-utils)

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: Chromium, Java and poppler-utils are present."
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "setup: please install ${missing[*]} with your system's package manager (or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium)." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]} with apt-get"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
echo "setup: done."
