import { describe, expect, it } from 'vitest';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';

// Every behaviour holds in both engines.
describe.each(ENGINES)('%s engine', (engine) => {
  describe('kernel memory that user work causes', () => {
    it('maps a page-table page per 512 pages of an overcommit, wherever its policy puts them', () => {
      // 96 MiB = 24576 pages = 48 page-table pages, on DRAM while it had room, then on PMEM.
      const r = runToEnd(twoTierScenario({ workload: { size: '96MiB' } }), engine);
      const [dram, pmem] = r.nodes;
      expect(dram!.vmstat.nr_page_table_pages! + pmem!.vmstat.nr_page_table_pages!).toBe(48);
      expect(dram!.vmstat.nr_page_table_pages!).toBeGreaterThan(0);
      expect(r.vmstat.nr_slab_reclaimable!).toBe(0);
    });

    it('keeps a reclaimable slab page per 448 pages a grep caches, and maps no page tables for read()', () => {
      // 32 MiB read once fits DRAM: 8192 cached pages need 128 xarray nodes, 7 to a page: 19.
      const r = runToEnd(twoTierScenario({ workload: { type: 'grep', corpus: '32MiB' } }), engine);
      expect(r.vmstat.nr_file_pages!).toBe(8192);
      expect(r.vmstat.nr_slab_reclaimable!).toBe(19);
      expect(r.vmstat.nr_page_table_pages!).toBe(0);
    });
  });
});
