#!/bin/sh
# Fetch the feeds, rebuild the site and publish it into the folder nginx
# serves, swapping it in at once. Run from a checkout of Zixun by cron or
# the systemd timer beside this file. Set ZIXUN_SITE_URL (the public
# address) and WEB_ROOT (default /srv/zixun/www) in the environment.
set -eu
cd "$(dirname "$0")/../.."
WEB_ROOT="${WEB_ROOT:-/srv/zixun/www}"

# Exit 1 means no feed could be read and there is no history: keep the site.
npm run --silent ingest -- --subscriptions feeds.opml --out public/data \
  --cache .cache/ingest --keep-days 365 --images thumbnails
npm run --silent build

# Swap the new build in whole: readers never see half a site.
mkdir -p "$(dirname "$WEB_ROOT")"
rm -rf "$WEB_ROOT.next"
cp -a dist "$WEB_ROOT.next"
if [ -d "$WEB_ROOT" ]; then mv "$WEB_ROOT" "$WEB_ROOT.old"; fi
mv "$WEB_ROOT.next" "$WEB_ROOT"
rm -rf "$WEB_ROOT.old"
echo "Site: $(du -sh "$WEB_ROOT" | cut -f1) in $(find "$WEB_ROOT" -type f | wc -l) files"
