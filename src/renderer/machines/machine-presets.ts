// Machines a user starts from: the boxes tiering was developed and argued on.
import type { DraftMachine } from '../scenario/draft.ts';

export interface MachinePreset {
  id: string;
  title: string;
  summary: string;
  machine: () => DraftMachine;
}

const dram = (id: number, capacity: string, cpus: number) => ({ id, memory: 'dram', capacity, cpus });

export const MACHINE_PRESETS: readonly MachinePreset[] = [
  {
    id: 'optane-2s',
    title: '2-socket Optane server',
    summary:
      'Cascade Lake with DRAM and Optane DC PMM (App Direct, onlined by dax/kmem) on each socket: ' +
      'nodes 0-1 DRAM with CPUs, nodes 2-3 CPU-less PMEM. SLIT as numactl -H shows it on such boxes: ' +
      '21 across sockets, 17 to the local PMEM node, 28 to the remote one. Sizes scaled down 1:4 DRAM:PMEM.',
    machine: () => ({
      pageSize: '4KiB',
      nodes: [
        dram(0, '512MiB', 4),
        dram(1, '512MiB', 4),
        { id: 2, memory: 'pmem', capacity: '2GiB', cpus: 0 },
        { id: 3, memory: 'pmem', capacity: '2GiB', cpus: 0 },
      ],
      distances: [
        [10, 21, 17, 28],
        [21, 10, 28, 17],
        [17, 28, 10, 28],
        [28, 17, 28, 10],
      ],
      swap: { capacity: '2GiB', device: 'ssd' },
    }),
  },
  {
    id: 'cxl-expander',
    title: 'CXL memory expander',
    summary:
      'One socket of DRAM plus a CXL Type 3 expander: a CPU-less node whose performance firmware reports ' +
      '(CDAT/HMAT), so it lands in a lower memory tier than DRAM. No SLIT entry: 10 local, 20 remote.',
    machine: () => ({
      pageSize: '4KiB',
      nodes: [dram(0, '1GiB', 4), { id: 1, memory: 'cxl', capacity: '2GiB', cpus: 0 }],
      swap: { capacity: '2GiB', device: 'nvme' },
    }),
  },
  {
    id: 'qemu-memmap',
    title: 'QEMU test machine (seeds)',
    summary:
      'How the 2019 demotion series was tested: qemu -m 4096 with memmap=512M!0x80000000 carves a fake ' +
      'PMEM range, ndctl turns it into device-dax and kmem onlines it as node 1. No HMAT, so dax/kmem ' +
      'gives it the default abstract distance 2880 (memory_tier22).',
    machine: () => ({
      pageSize: '4KiB',
      nodes: [dram(0, '3584MiB', 2), { id: 1, memory: 'pmem', capacity: '512MiB', cpus: 0, hmat: false }],
    }),
  },
];
