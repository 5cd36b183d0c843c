#!/usr/bin/env python3
"""Markdown tables from the JSON lines of bench/compare.sh (plain Python 3, no packages).

Usage: python3 bench/summarize.py RESULTS.jsonl [MORE.jsonl ...]

Prints two tables:
1. one row per (side, configuration): median [min-max] of run_s, median neuron-steps/s, ns per neuron-step (at the
   median run_s), spikes, median synaptic events/s (when the runs report them), the 1-minute load average over the
   runs, and the number of runs;
2. "NeuroFold vs limit / baseline": for every neurofold configuration that another side (limit, baseline, brian2) also
   ran, that side's median run_s divided by NeuroFold's, i.e. NeuroFold's speed as a multiple of the other side's
   (against the limit: the fraction of the machine limit reached).

Besides bench/compare.sh's records ({"round", "side", "config", "load1_start", "load1_end", "result": {...}}) it reads
the two record shapes of the scripts it replaced, so the earlier result files in bench/results/ still summarise:
the same wrapper without "round" (the W1/W2 peer sittings), and flat tool lines tagged with "round" and "label"
("brian2 W3 standalone", "neurofold sparse 10k t1": side = first word, configuration = the rest).
"""
import json
import statistics
import sys

SIDE_ORDER = ['neurofold', 'baseline', 'limit', 'brian2']


def loads_of(rec, res):
    """The 1-minute load averages a record carries (start and end where known)."""
    if 'load1_start' in rec:
        return [float(rec['load1_start']), float(rec['load1_end'])]
    if 'loadavg1_start_end' in res:  # Brian2's own field
        return [float(x) for x in res['loadavg1_start_end']]
    if 'loadavg' in res:  # neurofold bench net2003|sparse: /proc/loadavg at the end of the run
        return [float(str(res['loadavg']).split()[0])]
    return []


def normalise(rec):
    """(side, config, result, loads) of one record of any of the three shapes, or None if it has no result."""
    if 'result' in rec:
        res = rec['result']
        if not isinstance(res, dict):
            return None
        return rec['side'], rec['config'], res, loads_of(rec, res)
    if 'label' in rec:
        side, _, config = rec['label'].partition(' ')
        return side, config, rec, loads_of(rec, rec)
    return None


def read(paths):
    groups = {}
    for path in paths:
        with open(path) as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                item = normalise(json.loads(line))
                if item is None or 'run_s' not in item[2]:
                    print(f'{path}:{number}: skipped (no result with run_s)', file=sys.stderr)
                    continue
                side, config, res, loads = item
                groups.setdefault((side, config), []).append((res, loads))
    return groups


def side_rank(side):
    return SIDE_ORDER.index(side) if side in SIDE_ORDER else len(SIDE_ORDER)


def size(res):
    return res.get('n', res.get('N')), res.get('steps')


def syn_per_s(res):
    if res.get('syn_events') is not None:
        return res['syn_events'] / res['run_s']
    return res.get('syn_events_per_s')


def spikes_text(runs):
    spikes = sorted({r['spikes'] for r, _ in runs if r.get('spikes') is not None})
    if not spikes:
        return ''
    return str(spikes[0]) if len(spikes) == 1 else f'{spikes[0]}-{spikes[-1]}'


def table(groups):
    keys = sorted(groups, key=lambda k: side_rank(k[0]))  # stable: first appearance within a side
    with_syn = any(syn_per_s(r) is not None for runs in groups.values() for r, _ in runs)
    head = ['side', 'configuration', 'run s median [min-max]', 'neuron-steps/s (median)', 'ns per neuron-step', 'spikes']
    if with_syn:
        head.append('syn events/s (median)')
    head += ['1-min load', 'runs']
    print('| ' + ' | '.join(head) + ' |')
    print('|' + '---|' * len(head))
    for side, config in keys:
        runs = groups[(side, config)]
        rs = [r['run_s'] for r, _ in runs]
        med = statistics.median(rs)
        n, steps = size(runs[0][0])
        if n is not None and steps is not None:
            nsps = f"{statistics.median(n * steps / r['run_s'] for r, _ in runs):.3g}"
            ns = f'{med / (n * steps) * 1e9:.3g}'
        else:
            nsps = ns = ''
        row = [side, config, f'{med:.4f} [{min(rs):.4f}-{max(rs):.4f}]', nsps, ns, spikes_text(runs)]
        if with_syn:
            syn = [syn_per_s(r) for r, _ in runs if syn_per_s(r) is not None]
            row.append(f'{statistics.median(syn):.3g}' if syn else '')
        loads = [x for _, ls in runs for x in ls]
        row += [f'{min(loads):.1f}-{max(loads):.1f}' if loads else '', str(len(runs))]
        print('| ' + ' | '.join(row) + ' |')


def ratios(groups):
    medians = {k: statistics.median(r['run_s'] for r, _ in runs) for k, runs in groups.items()}
    configs = [c for s, c in groups if s == 'neurofold']
    others = sorted({s for s, c in groups if s != 'neurofold' and c in configs}, key=side_rank)
    print()
    print('NeuroFold vs limit / baseline')
    print()
    if not others:
        print('(no limit, baseline or brian2 run has a configuration that neurofold also ran)')
        return
    head = ['configuration', 'neurofold run s']
    for s in others:
        head += [f'{s} run s', f'{s} ÷ neurofold']
    print('| ' + ' | '.join(head) + ' |')
    print('|' + '---|' * len(head))
    for c in configs:
        if not any((s, c) in medians for s in others):
            continue
        nf = medians[('neurofold', c)]
        row = [c, f'{nf:.4f}']
        for s in others:
            m = medians.get((s, c))
            row += ['', ''] if m is None else [f'{m:.4f}', f'{m / nf:.3g}']
        print('| ' + ' | '.join(row) + ' |')
    print()
    print('"X ÷ neurofold" is the ratio of the median run times: NeuroFold\'s speed as a multiple of X\'s '
          '(above 1 NeuroFold is faster; against the limit, the fraction of the machine limit reached).')


def main(paths):
    if not paths:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    groups = read(paths)
    if not groups:
        print('no runs found', file=sys.stderr)
        return 1
    table(groups)
    ratios(groups)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
