/* The machine's latency bound for workload W1 (one Izhikevich neuron, Jaxley scheme, dt = 0.1 ms, 10^6 steps,
 * spikes counted): the same IEEE double operations as NeuroFold's JaxleyScheme step, in the same order, no fused
 * multiply-add, as a plain C loop. Written for NeuroFold (not a peer script). One neuron has no parallelism: each step
 * waits for the previous one, so the time per step is the latency of the dependency chain
 * b·v → (u − bv)·e → bv + … → f(v, u') → dt·f → v + … → + j (about 22 cycles), whatever the compiler.
 * Build: gcc -O2 -ffp-contract=off w1_limit.c -o w1_limit -lm
 * Run:   ./w1_limit [STEPS] [ROUNDS]   -> one JSON line per round like `neurofold bench single`. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

int main(int argc, char **argv) {
  long steps = argc > 1 ? atol(argv[1]) : 1000000, rounds = argc > 2 ? atol(argv[2]) : 1;
  const double a = 0.02, b = 0.2, c = -65, d = 8, dt = 0.1, input = 19.0986;
  const double e = exp(fmin(-dt / (1.0 / a), 50.0)), j = (dt * input) / 1.0;
  for (long r = 0; r < rounds; r++) {
    double v = -70, u = 0;
    long spikes = 0;
    double t0 = now();
    for (long k = 0; k < steps; k++) {
      double bv = b * v;
      u = bv + ((u - bv) * e);
      v = v + (dt * ((((0.04 * (v * v)) + (5.0 * v)) + 140.0) - u));
      if (v >= 30.0) { v = c; u = u + d; spikes++; }
      v = v + j;
    }
    double t = now() - t0;
    printf("{\"workload\": \"W1-limit\", \"n\": 1, \"steps\": %ld, \"threads\": 1, \"run_s\": %.6f, \"neuron_steps_per_s\": %.6g, \"ns_per_step\": %.3f, \"spikes\": %ld, \"v\": %.17g}\n",
           steps, t, steps / t, t / steps * 1e9, spikes, v);
  }
  return 0;
}
