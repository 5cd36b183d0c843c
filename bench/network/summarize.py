#!/usr/bin/env python3
"""Markdown table (median [min-max] of run_s per label) from compare_brian2.sh's JSON lines. Plain Python 3."""
import json
import statistics
import sys


def main(path):
    rows = {}
    for line in open(path):
        line = line.strip()
        if not line:
            continue
        d = json.loads(line)
        rows.setdefault(d['label'], []).append(d)
    print('| run | N | run_s median [min-max] | spikes (median) | rate exc / inh Hz | syn events/s (median run) | n | 1-min load (start of runs) |')
    print('|---|---|---|---|---|---|---|---|')
    for label, ds in rows.items():
        runs = [d['run_s'] for d in ds]
        med = statistics.median(runs)
        n = ds[0].get('n', ds[0].get('N'))
        spikes = statistics.median([d['spikes'] for d in ds])
        exc = statistics.median([d['rate_exc_hz'] for d in ds])
        inh = statistics.median([d['rate_inh_hz'] for d in ds])
        events = statistics.median([d.get('syn_events', 0) for d in ds])
        loads = []
        for d in ds:
            if 'loadavg' in d:
                loads.append(float(str(d['loadavg']).split()[0]))
            elif 'loadavg1_start_end' in d:
                loads.append(float(d['loadavg1_start_end'][0]))
        load = '%.1f-%.1f' % (min(loads), max(loads)) if loads else ''
        print('| %s | %s | %.3f [%.3f-%.3f] | %d | %.2f / %.2f | %.3g | %d | %s |' % (
            label, n, med, min(runs), max(runs), spikes, exc, inh, events / med if med else 0, len(ds), load))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else 'bench/network/results.jsonl')
