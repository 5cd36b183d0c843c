#!/usr/bin/env bash
# A Slurm cluster of one node on this machine: the real daemons, for testing array jobs (docs/CLUSTER.md).
#
#   source tools/local-slurm.sh start   installs Debian's slurm-wlm and munge when they are missing (apt-get), starts
#                                       munged, slurmctld and slurmd, waits until the node takes jobs, and exports
#                                       SLURM_CONF, so sbatch, squeue and sinfo in this shell talk to it
#   tools/local-slurm.sh stop           stops the daemons that start started (by the pids it recorded), and nothing else
#   tools/local-slurm.sh status         says whether they run
#
# Run as root (the daemons and the jobs run as root). Everything the cluster keeps — its slurm.conf, pid files, logs,
# state and spool — lies in $LOCAL_SLURM_DIR (default /tmp/neurofold-slurm). A munged that already answers is used
# as it is and left running on stop. When sourced, failures return 1 (with the reason and the daemons' last log lines
# on stderr) and never exit the calling shell; run as a script, they exit 1.
# The ports are Slurm's own (6817, 6818) unless LOCAL_SLURM_CTLD_PORT / LOCAL_SLURM_NODE_PORT say otherwise.

_local_slurm_dir=${LOCAL_SLURM_DIR:-/tmp/neurofold-slurm}

_local_slurm_say() { echo "local-slurm: $*" >&2; }

# The last lines of every log the cluster wrote, so a failure explains itself.
_local_slurm_logs() {
  local f
  for f in "$_local_slurm_dir"/log/*.log; do
    [ -s "$f" ] || continue
    echo "---- last lines of $f" >&2
    tail -n 15 "$f" >&2
  done
}

# Is the process in pid file $1 alive?
_local_slurm_alive() {
  [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

_local_slurm_stop() {
  local name f pid i
  for name in slurmd slurmctld munged; do
    f="$_local_slurm_dir/$name.pid"
    [ -s "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then
        _local_slurm_say "$name ($pid) did not stop on SIGTERM within 5 s; sending SIGKILL"
        kill -9 "$pid" 2>/dev/null
      fi
    fi
    rm -f "$f"
  done
}

_local_slurm_install() {
  command -v slurmctld >/dev/null 2>&1 && command -v slurmd >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 \
    && command -v munged >/dev/null 2>&1 && return 0
  _local_slurm_say "installing slurm-wlm and munge (apt-get)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurm-wlm munge; } \
       >"$_local_slurm_dir/log/apt.log" 2>&1; then
    _local_slurm_say "apt-get could not install slurm-wlm and munge:"
    tail -n 20 "$_local_slurm_dir/log/apt.log" >&2
    return 1
  fi
}

# munged: use one that answers, else start our own (as the munge user, with its key).
_local_slurm_munge() {
  if munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    _local_slurm_say "using the munged that is already running"
    return 0
  fi

  mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
  if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 2>/dev/null
  fi
  chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
  chmod 0700 /etc/munge
  chmod 0400 /etc/munge/munge.key
  rm -f /run/munge/munged.pid
  if ! runuser -u munge -- munged --log-file=/var/log/munge/munged.log --pid-file=/run/munge/munged.pid; then
    _local_slurm_say "munged did not start:"
    tail -n 15 /var/log/munge/munged.log >&2
    return 1
  fi

  local i
  for i in $(seq 1 50); do [ -s /run/munge/munged.pid ] && break; sleep 0.1; done
  cp /run/munge/munged.pid "$_local_slurm_dir/munged.pid"
  if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
    _local_slurm_say "munged started but does not answer (munge -n | unmunge failed):"
    tail -n 15 /var/log/munge/munged.log >&2
    return 1
  fi
}

_local_slurm_config() {
  local host cpus
  host=$(hostname -s)
  cpus=$(nproc)
  cat >"$_local_slurm_dir/slurm.conf" <<CONF
# Written by tools/local-slurm.sh: one node that is its own controller; jobs run as their submitter.
ClusterName=neurofold-local
SlurmctldHost=$host
SlurmctldPort=${LOCAL_SLURM_CTLD_PORT:-6817}
SlurmdPort=${LOCAL_SLURM_NODE_PORT:-6818}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$_local_slurm_dir/state
SlurmdSpoolDir=$_local_slurm_dir/spool
SlurmctldPidFile=$_local_slurm_dir/slurmctld.pid
SlurmdPidFile=$_local_slurm_dir/slurmd.pid
SlurmctldLogFile=$_local_slurm_dir/log/slurmctld.log
SlurmdLogFile=$_local_slurm_dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  echo "$host $cpus"
}

_local_slurm_start() {
  mkdir -p "$_local_slurm_dir"/state "$_local_slurm_dir"/spool "$_local_slurm_dir"/log || return 1
  _local_slurm_install || return 1
  _local_slurm_stop
  rm -f "$_local_slurm_dir"/log/slurm*.log
  _local_slurm_munge || return 1
  local node
  node=$(_local_slurm_config)
  export SLURM_CONF="$_local_slurm_dir/slurm.conf"
  # -c: a fresh cluster every time (no jobs recovered from an earlier one)
  if ! slurmctld -c -f "$SLURM_CONF"; then
    _local_slurm_say "slurmctld did not start"; _local_slurm_logs; _local_slurm_stop; return 1
  fi
  if ! slurmd -f "$SLURM_CONF"; then
    _local_slurm_say "slurmd did not start"; _local_slurm_logs; _local_slurm_stop; return 1
  fi

  local i state=""
  for i in $(seq 1 60); do
    state=$(sinfo -h -N -o %T 2>/dev/null | head -n 1)
    [ "$state" = idle ] && break
    sleep 0.5
  done
  if [ "$state" != idle ]; then
    _local_slurm_say "the node did not become idle within 30 s (sinfo says '${state:-nothing}')"
    _local_slurm_logs; _local_slurm_stop; return 1
  fi
  _local_slurm_say "up: node ${node% *}, ${node#* } CPUs; SLURM_CONF=$SLURM_CONF"
}

_local_slurm_status() {
  local name rc=0
  for name in munged slurmctld slurmd; do
    if _local_slurm_alive "$_local_slurm_dir/$name.pid"; then echo "$name: running ($(cat "$_local_slurm_dir/$name.pid"))"
    else echo "$name: not running (or not started by this script)"; [ "$name" = munged ] || rc=1; fi
  done
  return $rc
}

case "${1:-start}" in
  start) _local_slurm_start; _local_slurm_rc=$? ;;
  stop) _local_slurm_stop; _local_slurm_rc=0 ;;
  status) _local_slurm_status; _local_slurm_rc=$? ;;
  *) _local_slurm_say "usage: source tools/local-slurm.sh start | tools/local-slurm.sh stop | tools/local-slurm.sh status"; _local_slurm_rc=2 ;;
esac
# sourced: return the status to the caller's shell; run: exit with it
return "$_local_slurm_rc" 2>/dev/null || exit "$_local_slurm_rc"
