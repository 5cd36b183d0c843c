"""Prints the markdown table of compare.sh's JSON lines: median [min-max] run time and neuron-steps/s per configuration."""
import json
import statistics
import sys
from collections import OrderedDict

rows = OrderedDict()
for line in open(sys.argv[1] if len(sys.argv) > 1 else 'peer-results.jsonl'):
    rec = json.loads(line)
    res = rec['result']
    key = (rec['side'], rec['config'])
    rows.setdefault(key, []).append((res, rec['load1_start'], rec['load1_end']))

print('| side | configuration | n | steps | run s median [min-max] | neuron-steps/s (median) | ns per neuron-step | spikes | rate exc / inh Hz | 1-min load | runs |')
print('|---|---|---|---|---|---|---|---|---|---|---|')
for (side, config), runs in rows.items():
    rs = [r['run_s'] for r, _, _ in runs]
    med = statistics.median(rs)
    r0 = runs[0][0]
    n = r0.get('n', r0.get('N'))
    steps = r0['steps']
    rate_inh = r0.get('rate_inh_hz')
    rate = f"{r0.get('rate_exc_hz', r0.get('rate_hz')):.2f}" + (f" / {rate_inh:.2f}" if rate_inh is not None else '')
    loads = [x for _, a, b in runs for x in (a, b)]
    print(f"| {side} | {config} | {n} | {steps} | {med:.4f} [{min(rs):.4f}-{max(rs):.4f}] | {n * steps / med:.3g} | "
          f"{med / (n * steps) * 1e9:.3g} | {r0['spikes']} | {rate} | {min(loads):.1f}-{max(loads):.1f} | {len(rs)} |")
