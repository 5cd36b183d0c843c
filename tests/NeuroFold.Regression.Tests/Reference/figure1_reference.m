% Independent check in GNU Octave of figure1.m (Izhikevich 2004) and the Fig. 2 classes (2003).
% Each protocol runs the published loop body in MATLAB syntax:
%   V = V + tau*(0.04*V^2+5*V+140-u+I);  u = u + tau*a*(b*V-u);  if V > 30, V = c; u = u + d; end
% (4.1*V+108 for class 1 and the integrator; u + tau*a*(b*(V+65)) for accommodation), the inputs as published
% (if/elseif chains with strict comparisons), and tspan = 0:tau:T from Octave's own range operator.
% Prints  id,k,t  per spike (k 0-based) and  #final,id,steps,V,u  with %.17g.
1;
function I = input_of(id, t)
  switch id
    case 'tonic-spiking',  if t > 100/10, I = 14; else I = 0; end
    case 'phasic-spiking', if t > 20, I = 0.5; else I = 0; end
    case 'tonic-bursting', if t > 22, I = 15; else I = 0; end
    case 'phasic-bursting', if t > 20, I = 0.6; else I = 0; end
    case 'mixed-mode', if t > 160/10, I = 10; else I = 0; end
    case 'spike-frequency-adaptation', if t > 85/10, I = 30; else I = 0; end
    case 'class-1-excitable', if t > 30, I = (0.075*(t-30)); else I = 0; end
    case 'class-2-excitable', if t > 30, I = -0.5+(0.015*(t-30)); else I = -0.5; end
    case 'spike-latency', T1 = 100/10; if t>T1 && t < T1+3, I = 7.04; else I = 0; end
    case 'subthreshold-oscillations', T1 = 200/10; if (t>T1) && (t < T1+5), I = 2; else I = 0; end
    case 'resonator'
      T1 = 400/10; T2 = T1+20; T3 = 0.7*400; T4 = T3+40;
      if ((t>T1) && (t < T1+4)) || ((t>T2) && (t < T2+4)) || ((t>T3) && (t < T3+4)) || ((t>T4) && (t < T4+4)), I = 0.65; else I = 0; end
    case 'integrator'
      T1 = 100/11; T2 = T1+5; T3 = 0.7*100; T4 = T3+10;
      if ((t>T1) && (t < T1+2)) || ((t>T2) && (t < T2+2)) || ((t>T3) && (t < T3+2)) || ((t>T4) && (t < T4+2)), I = 9; else I = 0; end
    case {'rebound-spike', 'rebound-burst'}, if (t>20) && (t < 20+5), I = -15; else I = 0; end
    case 'threshold-variability'
      if ((t>10) && (t < 15)) || ((t>80) && (t < 85)), I = 1; elseif (t>70) && (t < 75), I = -6; else I = 0; end
    case 'bistability'
      T1 = 300/8; T2 = 216;
      if ((t>T1) && (t < T1+5)) || ((t>T2) && (t < T2+5)), I = 1.24; else I = 0.24; end
    case 'depolarizing-after-potential', if abs(t-10) < 1, I = 20; else I = 0; end
    case 'accommodation'
      if (t < 200), I = t/25; elseif t < 300, I = 0; elseif t < 312.5, I = (t-300)/12.5*4; else I = 0; end
    case {'inhibition-induced-spiking', 'inhibition-induced-bursting'}, if (t < 50) || (t>250), I = 80; else I = 75; end
    case {'rs'}, if t > 150/10, I = 14; else I = 0; end
    case {'ib'}, if t > 150/10, I = 11; else I = 0; end
    case {'ch', 'fs'}, if t > 150/10, I = 10; else I = 0; end
    case 'tc', if t > 2*150/10, I = 1.5; else I = 0; end
    case 'tc-burst', if t > 3*150/10, I = 0.0; else I = -25; end
    case 'rz', T1 = 100/10; T2 = T1+50; if ((t>T2) && (t<T2+5)), I = 10; elseif (t>T1), I = -0.5; else I = -2; end
    case 'lts', if t > 1*250/10, I = 10.0; else I = 0; end
    otherwise, error('unknown protocol %s', id);
  end
end

function run_protocol(id, a, b, c, d, V, u, tau, T, variant)
  tspan = 0:tau:T;
  for k = 1:numel(tspan)
    t = tspan(k);
    I = input_of(id, t);
    if strcmp(variant, 'class1')
      V = V + tau*(0.04*V^2+4.1*V+108-u+I);
    else
      V = V + tau*(0.04*V^2+5*V+140-u+I);
    end
    if strcmp(variant, 'accommodation')
      u = u + tau*a*(b*(V+65));
    else
      u = u + tau*a*(b*V-u);
    end
    if V > 30
      printf('%s,%d,%.17g\n', id, k-1, t);
      V = c;
      u = u + d;
    end
  end
  printf('#final,%s,%d,%.17g,%.17g\n', id, numel(tspan), V, u);
end

run_protocol('tonic-spiking', 0.02, 0.2, -65, 6, -70, 0.2*-70, 0.25, 100, '');
run_protocol('phasic-spiking', 0.02, 0.25, -65, 6, -64, 0.25*-64, 0.25, 200, '');
run_protocol('tonic-bursting', 0.02, 0.2, -50, 2, -70, 0.2*-70, 0.25, 220, '');
run_protocol('phasic-bursting', 0.02, 0.25, -55, 0.05, -64, 0.25*-64, 0.2, 200, '');
run_protocol('mixed-mode', 0.02, 0.2, -55, 4, -70, 0.2*-70, 0.25, 160, '');
run_protocol('spike-frequency-adaptation', 0.01, 0.2, -65, 8, -70, 0.2*-70, 0.25, 85, '');
run_protocol('class-1-excitable', 0.02, -0.1, -55, 6, -60, -0.1*-60, 0.25, 300, 'class1');
run_protocol('class-2-excitable', 0.2, 0.26, -65, 0, -64, 0.26*-64, 0.25, 300, '');
run_protocol('spike-latency', 0.02, 0.2, -65, 6, -70, 0.2*-70, 0.2, 100, '');
run_protocol('subthreshold-oscillations', 0.05, 0.26, -60, 0, -62, 0.26*-62, 0.25, 200, '');
run_protocol('resonator', 0.1, 0.26, -60, -1, -62, 0.26*-62, 0.25, 400, '');
run_protocol('integrator', 0.02, -0.1, -55, 6, -60, -0.1*-60, 0.25, 100, 'class1');
run_protocol('rebound-spike', 0.03, 0.25, -60, 4, -64, 0.25*-64, 0.2, 200, '');
run_protocol('rebound-burst', 0.03, 0.25, -52, 0, -64, 0.25*-64, 0.2, 200, '');
run_protocol('threshold-variability', 0.03, 0.25, -60, 4, -64, 0.25*-64, 0.25, 100, '');
run_protocol('bistability', 0.1, 0.26, -60, 0, -61, 0.26*-61, 0.25, 300, '');
run_protocol('depolarizing-after-potential', 1, 0.2, -60, -21, -70, 0.2*-70, 0.1, 50, '');
run_protocol('accommodation', 0.02, 1, -55, 4, -65, -16, 0.5, 400, 'accommodation');
run_protocol('inhibition-induced-spiking', -0.02, -1, -60, 8, -63.8, -1*-63.8, 0.5, 350, '');
run_protocol('inhibition-induced-bursting', -0.026, -1, -45, -2, -63.8, -1*-63.8, 0.5, 350, '');
run_protocol('rs', 0.02, 0.2, -65, 8, -63, 0.2*-63, 0.25, 150, '');
run_protocol('ib', 0.02, 0.2, -55, 4, -70, 0.2*-70, 0.25, 150, '');
run_protocol('ch', 0.02, 0.2, -50, 2, -70, 0.2*-70, 0.25, 150, '');
run_protocol('fs', 0.1, 0.2, -65, 2, -70, 0.2*-70, 0.25, 150, '');
run_protocol('tc', 0.02, 0.25, -65, 0.05, -63, 0.25*-63, 0.25, 150, '');
run_protocol('tc-burst', 0.02, 0.25, -65, 0.05, -87, 0.25*-87, 0.25, 150, '');
run_protocol('rz', 0.1, 0.26, -65, 2, -70, 0.26*-70, 0.25, 100, '');
run_protocol('lts', 0.02, 0.25, -65, 2, -63, 0.25*-63, 0.25, 250, '');
