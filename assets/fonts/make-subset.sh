#!/usr/bin/env bash
# Rebuilds the subset fonts in this folder from Debian's fonts-noto-cjk (Noto Sans CJK 2.004, OFL-1.1).
# Needs: apt-get install -y fonts-noto-cjk python3-fonttools
# Regular: GB2312 level 1 (the 3,755 most common simplified characters) + GB2312 punctuation and full-width rows +
#          every CJK character in the project's paper lists (data/, and ../shared/corpus when present) + Latin,
#          Latin-1/Extended-A, general punctuation, arrows and a few symbols.
# Bold:    Latin only (chart titles); Chinese in bold text falls back to the regular subset.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
source_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
bold_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 - "$root" "$work/chars.txt" "$work/latin.txt" <<'PY'
import glob, sys
root, out, latin_out = sys.argv[1], sys.argv[2], sys.argv[3]
def cjk(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF
chars = set()
for b1 in [0xA1, 0xA3] + list(range(0xB0, 0xD8)):
    for b2 in range(0xA1, 0xFF):
        try:
            chars.add(bytes([b1, b2]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
for path in sorted(glob.glob(root + '/data/*.md') + glob.glob(root + '/../shared/corpus/paper-lists/*.md')):
    text = open(path, encoding='utf-8', errors='replace').read()
    repaired = text.encode('cp1252', errors='ignore').decode('utf-8', errors='ignore')
    chars |= {c for c in text + repaired if cjk(c)}
latin = {chr(cp) for cp in list(range(0x20, 0x7F)) + list(range(0xA0, 0x180)) + list(range(0x2000, 0x206F))
         + [0x2190, 0x2191, 0x2192, 0x2193, 0x2264, 0x2265, 0x2022, 0x2026, 0x03A3, 0x03C0, 0x0394, 0x2211, 0x00D7]}
chars |= latin | {chr(cp) for cp in range(0x3000, 0x3040)} | {chr(cp) for cp in range(0xFF00, 0xFFF0)}
open(out, 'w', encoding='utf-8').write(''.join(sorted(chars)))
open(latin_out, 'w', encoding='utf-8').write(''.join(sorted(latin)))
PY
# Face 2 of the collection is Noto Sans CJK SC.
common=(--font-number=2 --layout-features='kern,liga,locl,palt,halt' --no-hinting --name-IDs='*' --name-languages='*')
/usr/bin/python3 -m fontTools.subset "$source_font" "${common[@]}" --text-file="$work/chars.txt" --output-file="$here/NotoSansCJKsc-Regular-subset.otf"
/usr/bin/python3 -m fontTools.subset "$bold_font" "${common[@]}" --text-file="$work/latin.txt" --output-file="$here/NotoSansCJKsc-Bold-latin.otf"
ls -l "$here"/*.otf
