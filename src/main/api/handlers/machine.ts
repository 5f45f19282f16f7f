// machine:derive — what the kernel would derive from a machine as the user edits it.
import { parseScenario } from '../../../shared/scenario/parse.ts';
import type { DerivedMachine } from '../../../shared/api/types.ts';
import { deriveMachine } from '../../../engine/index.ts';
import { demotionTargetsLog, effectiveDemotion } from '../../../engine/machine/memory-tiers.ts';
import { policyMechanisms } from '../../../shared/scenario/presets.ts';
import { fallbackOrderLog } from '../../../engine/machine/zonelist.ts';
import type { Handlers } from '../handler.ts';

export const machineHandlers: Handlers<'machine:derive'> = {
  'machine:derive': (_lab, { machine, policy }) => {
    // Parse the machine inside a minimal scenario so that it gets exactly the scenario's checks.
    const doc = {
      format: 'tierlab.scenario/1',
      name: 'machine',
      machine,
      policy: policy ?? { preset: 'linux' },
      // A one-page probe: the scenario format needs a workload; its own errors are not the user's.
      workload: [{ name: 'probe', type: 'usemem', size: 4096 }],
    };
    const p = parseScenario(doc);
    const errors = p.ok
      ? []
      : p.errors.filter((e) => e.path.startsWith('machine') || e.path.startsWith('policy'));
    if (!p.ok) return { ok: false, errors: errors.length ? errors : p.errors };
    const m = p.scenario.machine;
    const mechanisms = policyMechanisms(p.scenario.policy);
    const layout = deriveMachine(m, p.scenario.policy.knobs, {
      ...mechanisms,
      kernel: p.scenario.policy.kernel,
    });
    const demotion = layout.demotion.map((d) => effectiveDemotion(mechanisms, d));
    const value: DerivedMachine = {
      nodes: m.nodes.map((node, i) => ({
        id: node.id,
        tier: layout.tierOf[i]!,
        adistance: layout.adistance[i]!,
        topTier: layout.topTier[i]!,
        preferred: demotion[i]!.preferred,
        fallback: demotion[i]!.fallback,
        watermarks: layout.watermarks[i]!,
        managedPages: layout.managedPages[i]!,
      })),
      minFreeKbytes: layout.minFreeKbytes,
      log: [
        ...m.nodes.map((_, i) => fallbackOrderLog(i, layout.zonelist[i]!)),
        ...m.nodes.map((_, i) => demotionTargetsLog(i, demotion[i]!)),
      ],
    };
    return { ok: true, value };
  },
};
