#!/bin/sh
# Install annotator's desktop integration for the current user (nothing system-wide):
# the launcher (.desktop), the AppStream metainfo, the MIME type of project files (so
# *.annotator files open in the app) and the icons, under ${XDG_DATA_HOME:-~/.local/share}.
#
#   sh install-linux.sh [--exec PROGRAM] [--uninstall]
#
# PROGRAM is what the launcher runs; by default the built app folder's program
# (../annotator next to desktop/, or dist/annotator/annotator in a checkout), else
# `annotator` on the PATH (a pip install). Run from packaging/ or from the app folder's
# desktop/. Desktop caches are refreshed when their tools are installed.
set -eu

APP_ID=io.github.annotator.Annotator
MIME_TYPE=application/x-annotator-project
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
EXEC=
UNINSTALL=0

while [ $# -gt 0 ]; do
    case $1 in
        --exec) [ $# -ge 2 ] || { echo "install-linux.sh: --exec needs a program" >&2; exit 2; }
                EXEC=$2; shift 2 ;;
        --uninstall) UNINSTALL=1; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install-linux.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done

refresh() {  # the caches desktops read; each step only when its tool exists
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA/mime/packages" ]; then
        update-mime-database "$DATA/mime"
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA/applications" || true
    fi
    # only a cache that exists already: a new one would hide icons installed later
    if command -v gtk-update-icon-cache >/dev/null 2>&1 &&
       [ -f "$DATA/icons/hicolor/icon-theme.cache" ]; then
        gtk-update-icon-cache -q -t -f "$DATA/icons/hicolor" || true
    fi
}

if [ "$UNINSTALL" = 1 ]; then
    rm -f "$DATA/applications/$APP_ID.desktop" "$DATA/metainfo/$APP_ID.metainfo.xml" \
          "$DATA/mime/packages/$APP_ID.xml"
    find "$DATA/icons/hicolor" -name "$APP_ID.*" -type f -delete 2>/dev/null || true
    refresh
    echo "removed annotator's desktop integration from $DATA"
    exit 0
fi

for f in "$APP_ID.desktop" "$APP_ID.metainfo.xml" "$APP_ID.xml" icons/hicolor; do
    [ -e "$HERE/$f" ] || { echo "install-linux.sh: $HERE/$f is missing" >&2; exit 1; }
done

if [ -z "$EXEC" ]; then
    for candidate in "$HERE/../annotator" "$HERE/../dist/annotator/annotator"; do
        if [ -f "$candidate" ] && [ -x "$candidate" ]; then
            EXEC=$(cd "$(dirname "$candidate")" && pwd)/annotator
            break
        fi
    done
fi
if [ -z "$EXEC" ]; then
    EXEC=$(command -v annotator || true)
fi
if [ -z "$EXEC" ] || [ ! -x "$EXEC" ]; then
    echo "install-linux.sh: no annotator program found: build it (make package), install it" \
         "(pip install .), or name it with --exec PROGRAM" >&2
    exit 1
fi
case $EXEC in
    *[!A-Za-z0-9_./+-]*) echo "install-linux.sh: the program's path has characters a" \
                              ".desktop Exec line would need quoted: $EXEC" >&2; exit 1 ;;
esac

mkdir -p "$DATA/applications" "$DATA/metainfo" "$DATA/mime/packages" "$DATA/icons/hicolor"
sed -e "s|^Exec=annotator |Exec=$EXEC |" -e "s|^TryExec=annotator\$|TryExec=$EXEC|" \
    "$HERE/$APP_ID.desktop" > "$DATA/applications/$APP_ID.desktop"
cp "$HERE/$APP_ID.metainfo.xml" "$DATA/metainfo/"
cp "$HERE/$APP_ID.xml" "$DATA/mime/packages/"
cp -R "$HERE/icons/hicolor/." "$DATA/icons/hicolor/"
refresh
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$APP_ID.desktop" "$MIME_TYPE" || true
fi
echo "installed annotator's launcher, MIME type $MIME_TYPE and icons into $DATA"
echo "the launcher runs: $EXEC"
