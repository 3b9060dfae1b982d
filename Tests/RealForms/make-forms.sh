#!/usr/bin/env bash
# Regenerates the derived forms of every real page in Tests/RealForms/<name>/page.html:
#
#   browser-copy.txt  document.body.innerText of the page in headless Chromium: what a person
#                     gets by selecting the whole page and copying it (Ctrl+A, Ctrl+C)
#   report.docx       LibreOffice Writer's conversion of the page to Word (.docx)
#   report.pdf        Chromium's print of the page to PDF (kept only when <= 200 KB)
#   report.pdf.txt    pdftotext -layout of that PDF (poppler-utils)
#
# Tools (Debian packages): chromium, libreoffice-writer (soffice), poppler-utils (pdftotext),
# fonts-wqy-microhei (a CJK font, so that the PDF has the characters as text).
#
# Usage: Tests/RealForms/make-forms.sh [name ...]   (no names: every page)
# Nothing is fetched from the network: external scripts, styles and images of a page fail to
# load, as they would for a page saved without its resources.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for tool in chromium soffice pdftotext python3; do
    command -v "$tool" >/dev/null || { echo "make-forms: $tool is not installed" >&2; exit 1; }
done

chromium_run() {
    # One headless Chromium, no network, no profile left behind.
    timeout 120 chromium --headless=new --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-extensions --disable-sync \
        --proxy-server=127.0.0.1:9 --proxy-bypass-list='<-loopback>' \
        --user-data-dir="$work/chromium-profile" "$@" 2>/dev/null
}

if [ "$#" -gt 0 ]; then names=("$@"); else
    names=(); for d in "$here"/*/; do [ -f "$d/page.html" ] && names+=("$(basename "$d")"); done
fi

for name in "${names[@]}"; do
    dir="$here/$name"
    page="$dir/page.html"
    echo "== $name"

    # 1. Browser copy: the page as it is, plus one script at its very end that stores
    #    document.body.innerText (base64 of its UTF-8) in an attribute; --dump-dom then
    #    serialises the DOM and the attribute is decoded. The script element itself is not
    #    rendered, so it is not part of innerText.
    cp "$page" "$work/copy.html"
    cat >> "$work/copy.html" <<'EOF'
<script>(function(){var t=document.body.innerText;var d=document.createElement('div');d.id='nianbao-innertext';d.setAttribute('data-b64',btoa(unescape(encodeURIComponent(t))));document.documentElement.appendChild(d);})();</script>
EOF
    chromium_run --virtual-time-budget=5000 --dump-dom "file://$work/copy.html" > "$work/dom.html" || true
    python3 - "$work/dom.html" "$dir/browser-copy.txt" <<'EOF'
import base64, re, sys
dom = open(sys.argv[1], encoding='utf-8', errors='replace').read()
m = re.search(r'id="nianbao-innertext" data-b64="([A-Za-z0-9+/=]*)"', dom)
if not m:
    sys.exit('make-forms: Chromium gave no innerText')
open(sys.argv[2], 'wb').write(base64.b64decode(m.group(1)))
EOF

    # 2. Word: LibreOffice Writer opens the HTML page and saves it as .docx.
    rm -f "$work"/page.docx
    timeout 180 soffice -env:UserInstallation="file://$work/lo-profile" --headless --norestore \
        --convert-to 'docx:MS Word 2007 XML' --outdir "$work" "$page" >/dev/null 2>&1
    mv "$work/page.docx" "$dir/report.docx"

    # 3. PDF: Chromium prints the page (A4 default, no header/footer lines so the file does not
    #    carry the date and the temporary path), then pdftotext -layout reads it.
    chromium_run --no-pdf-header-footer --print-to-pdf="$work/report.pdf" "file://$page" >/dev/null || true
    pdftotext -layout "$work/report.pdf" "$dir/report.pdf.txt"
    size=$(stat -c %s "$work/report.pdf")
    if [ "$size" -le 204800 ]; then
        cp "$work/report.pdf" "$dir/report.pdf"
    else
        rm -f "$dir/report.pdf"
        echo "   report.pdf is $size bytes: only report.pdf.txt is kept"
    fi
    rm -rf "$work/chromium-profile"
    printf '   browser-copy.txt %s bytes, report.docx %s bytes, report.pdf.txt %s bytes\n' \
        "$(stat -c %s "$dir/browser-copy.txt")" "$(stat -c %s "$dir/report.docx")" \
        "$(stat -c %s "$dir/report.pdf.txt")"
done
