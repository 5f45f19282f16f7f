import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_ACTIONS, type MenuAction } from '../../shared/api/bridge.ts';
import { menuTemplate, type MenuHandlers } from './menu-template.ts';

function recorder() {
  const calls: string[] = [];
  const handlers: MenuHandlers = {
    send: (action: MenuAction) => calls.push(action),
    showAbout: () => calls.push('about'),
    showDatabase: () => calls.push('database'),
  };
  return { calls, handlers };
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no ${label} menu`);
  return menu.submenu;
}

function click(item: MenuItemConstructorOptions): void {
  if (!item.click) throw new Error(`${item.label ?? item.role} has no click handler`);
  (item.click as (...args: unknown[]) => void)(item, undefined, {});
}

describe('the application menu', () => {
  it('offers every renderer action in File, each with a shortcut, and sends its name', () => {
    const { calls, handlers } = recorder();
    const file = submenu(menuTemplate(handlers, 'linux'), 'File');
    const actions = file.filter((i) => i.click);
    expect(actions.map((i) => i.label)).toEqual([
      'New Scenario',
      'Open Scenario…',
      'Save Scenario…',
      'Import Trace…',
      'Export CSV…',
    ]);
    for (const item of actions) {
      expect(item.accelerator, item.label).toMatch(/^CmdOrCtrl\+/);
      click(item);
    }
    expect(calls).toEqual(MENU_ACTIONS);
    expect(file.at(-1)).toEqual({ role: 'quit' });
  });

  it('offers the developer tools only in a development build', () => {
    const roles = (devTools: boolean) =>
      submenu(menuTemplate(recorder().handlers, 'linux', devTools), 'View').map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('has Edit by role and View with reload, devtools, zoom and full screen', () => {
    const template = menuTemplate(recorder().handlers, 'win32', true);
    expect(template.some((m) => m.role === 'editMenu')).toBe(true);
    const view = submenu(template, 'View').map((i) => i.role ?? i.type);
    expect(view).toEqual(
      expect.arrayContaining([
        'reload',
        'toggleDevTools',
        'zoomIn',
        'zoomOut',
        'resetZoom',
        'togglefullscreen',
      ]),
    );
  });

  it('shows About and the database file from Help', () => {
    const { calls, handlers } = recorder();
    for (const item of submenu(menuTemplate(handlers, 'linux'), 'Help')) click(item);
    expect(calls).toEqual(['about', 'database']);
  });

  it('follows macOS conventions there: an app menu, a window menu, and Close instead of Quit in File', () => {
    const template = menuTemplate(recorder().handlers, 'darwin');
    expect(template[0]).toEqual({ role: 'appMenu' });
    expect(template.some((m) => m.role === 'windowMenu')).toBe(true);
    expect(submenu(template, 'File').at(-1)).toEqual({ role: 'close' });
  });
});
