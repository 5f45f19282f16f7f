// The knobs of NOMAD's non-exclusive tiering (Xiang et al., OSDI'24), by what its module does; the
// module has no sysfs files, so each names the code that fixes it. Part of KNOBS (knobs.ts); only
// the `nomad` preset reads them.
import type { KnobSpec } from './knobs.ts';

export const NOMAD_KNOBS = {
  nomad_shadow_enabled: {
    group: 'nomad',
    default: true,
    kind: 'bool',
    unit: '',
    path: 'Nomad async_promote module: link_shadow_page() at the commit of a promotion',
    help:
      'Non-exclusive tiering: a promoted page keeps its slow-tier copy (a shadow) and is mapped ' +
      'write-protected; its first write frees the shadow, a clean one demotes by remapping to it ' +
      '(no copy), and the slow node frees shadows first when it reclaims. Off: promotion is exclusive.',
  },
  nomad_tpm_enabled: {
    group: 'nomad',
    default: true,
    kind: 'bool',
    unit: '',
    path: 'Nomad nomad_transit_pages(): transactional page migration (TPM) by a work queue',
    help:
      'Transactional promotion: a hint fault queues the page and returns; the promotion worker copies ' +
      'it while it stays mapped and commits only if it was not written during the copy (the PTE dirty ' +
      'bit), else aborts and leaves it for a later hint fault. Off: the fault migrates it (mainline).',
  },
  nomad_promote_queue_len: {
    group: 'nomad',
    default: 512,
    kind: 'int',
    min: 1,
    max: 65536,
    unit: 'pages',
    path: 'Nomad async_promote_main.c PROMOTE_QUEUE_LEN (1 << 9)',
    help: 'Pages the promotion queue holds; a hint fault finding it full does not queue its page.',
  },
} as const satisfies Record<string, KnobSpec>;

/** NOMAD's knob values after defaults are applied. */
export interface NomadKnobs {
  nomad_shadow_enabled: boolean;
  nomad_tpm_enabled: boolean;
  nomad_promote_queue_len: number;
}
