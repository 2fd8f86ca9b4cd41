#!/usr/bin/env python3
"""Counts the press fields presskit fills on real pages (title, subtitle, dateline, organization, contacts).

    python3 bench/press-fields.py PRESSKIT [--dump out.jsonl] [DIR ...]

DIRs hold `*.html.gz` or `*.html` pages (default: ../shared/metadata/html and
../shared/extraction/scrapinghub/html). Each page runs through `PRESSKIT -f html -t json` on standard input;
the script prints how many pages got each field, and with --dump writes one JSON line per page with the
fields, to spot-check them or to diff two binaries' dumps.
"""
import argparse, concurrent.futures as cf, glob, gzip, json, os, subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ['title', 'subtitle', 'dateline', 'organization', 'contacts']


def one(pk, path):
    data = gzip.open(path).read() if path.endswith('.gz') else open(path, 'rb').read()
    p = subprocess.run([pk, '-f', 'html', '-t', 'json'], input=data, capture_output=True, timeout=60)
    try:
        m = json.loads(p.stdout)['metadata']
    except (ValueError, KeyError):
        m = {}
    return os.path.basename(path).split('.html')[0], {k: m.get(k) for k in FIELDS}


def main():
    a = argparse.ArgumentParser()
    a.add_argument('presskit'); a.add_argument('dirs', nargs='*'); a.add_argument('--dump'); a.add_argument('--jobs', type=int, default=2)
    o = a.parse_args()
    shared = os.path.join(ROOT, '..', 'shared')
    if not os.path.isdir(shared):
        shared = os.path.join(ROOT, '..', '..', 'shared')
    dirs = o.dirs or [os.path.join(shared, 'metadata', 'html'), os.path.join(shared, 'extraction', 'scrapinghub', 'html')]
    paths = sorted(p for d in dirs for p in glob.glob(os.path.join(d, '*.html*')))
    with cf.ThreadPoolExecutor(o.jobs) as ex:
        rows = list(ex.map(lambda p: one(o.presskit, p), paths))
    counts = {k: sum(1 for _, m in rows if m.get(k)) for k in FIELDS}
    print('%d pages: ' % len(rows) + ', '.join('%s %d' % (k, counts[k]) for k in FIELDS))
    if o.dump:
        with open(o.dump, 'w', encoding='utf-8') as f:
            for pid, m in rows:
                f.write(json.dumps({'page': pid, **m}, ensure_ascii=False, sort_keys=True) + '\n')


if __name__ == '__main__':
    main()
