import { z } from 'zod';
import { OfficeConfig, OpeningWindow } from '../domain';

const Name = z.string().trim().min(1).max(120);

export const ServiceInput = z
  .object({
    id: z.number().int().positive().optional(),
    code: z.string().trim().regex(/^[A-Z0-9_]{1,16}$/, 'mã: chữ in hoa, số'),
    nameVi: Name,
    nameEn: z.string().trim().max(120).default(''),
    prefix: z.string().regex(/^[A-Z]{1,3}$/, 'tiền tố: 1–3 chữ in hoa'),
    rangeStart: z.number().int().min(0).max(999_999).default(1),
    rangeEnd: z.number().int().min(1).max(999_999).default(999),
    dailyQuota: z.number().int().positive().nullable().default(null),
    hours: z.array(OpeningWindow).max(14).default([]),
    active: z.boolean().default(true),
    sortOrder: z.number().int().min(0).max(1000).default(0),
    icon: z.string().max(40).default(''),
    alertMinutes: z.number().int().min(1).max(600).nullable().default(45),
  })
  .strict()
  .refine((s) => s.rangeEnd >= s.rangeStart, 'rangeEnd must be ≥ rangeStart');

export const CounterInput = z
  .object({
    id: z.number().int().positive().optional(),
    number: z.number().int().min(1).max(999),
    name: Name,
    active: z.boolean().default(true),
    serviceIds: z.array(z.number().int().positive()).max(50),
  })
  .strict();

export const OfficerInput = z
  .object({
    id: z.number().int().positive().optional(),
    name: Name,
    title: z.string().trim().max(120).default(''),
    photo: z.string().max(300_000).regex(/^(data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+)?$/).nullable().default(null),
    active: z.boolean().default(true),
    pin: z.string().regex(/^\d{4,8}$/).optional(),
  })
  .strict();

export const OfficePatch = OfficeConfig.partial().strict();
export const PasswordBody = z.object({ password: z.string().min(8, 'ít nhất 8 ký tự').max(200) }).strict();

export const WaitAlert = z.object({ ticketId: z.string(), number: z.string(), serviceId: z.number().int(), waitedMinutes: z.number().int(), thresholdMinutes: z.number().int() });
