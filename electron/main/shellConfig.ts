import { z } from 'zod';

// Which windows this PC shows, read from DATA/shell.json (written by the installer or by hand).
export const WindowRole = z.enum(['kiosk', 'display', 'counter', 'rating']);
export type WindowRole = z.infer<typeof WindowRole>;

export const ShellConfig = z.object({
  windows: z
    .array(
      z.object({
        role: WindowRole,
        /** Preferred screen: index in the system's list, or 'touch' / 'primary' / 'secondary'. */
        screen: z.union([z.number().int().min(0), z.enum(['primary', 'secondary', 'touch'])]).default('primary'),
        /** Query string for the screen, e.g. "counter=2" for a rating tablet window. */
        query: z.string().max(200).default(''),
      }),
    )
    .min(1)
    .default([
      { role: 'kiosk', screen: 'touch', query: '' },
      { role: 'display', screen: 'secondary', query: '' },
    ]),
  /** Production lockdown: fullscreen kiosk, no menus, dev tools or shortcuts. */
  lockdown: z.boolean().default(true),
  port: z.number().int().min(0).max(65535).default(8080),
  startAtLogin: z.boolean().default(true),
});
export type ShellConfig = z.infer<typeof ShellConfig>;
