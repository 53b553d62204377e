import { z } from 'zod';
import { AGENCY_KINDS } from './org.ts';
import { ROLES } from './roles.ts';

const name = (label: string, max = 60) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`);

export const AgencyInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,40}$/, '机关代码只能由2–40位字母、数字、下划线或连字符组成'),
  name: name('机关名称', 80),
  shortName: name('简称', 20),
  kind: z.enum(AGENCY_KINDS, { error: '请选择机关类型' }),
  parentId: z.number().int().positive().nullable(),
  isPeopleGovernment: z.boolean(),
});
export type AgencyInput = z.infer<typeof AgencyInput>;

export const OfficeInput = z.object({
  name: name('站办所名称', 40),
  sortOrder: z.number().int().min(0).default(0),
});
export type OfficeInput = z.infer<typeof OfficeInput>;

export const VillageInput = z.object({
  name: name('村名称', 40),
  code: z
    .string()
    .trim()
    .max(20, '村代码不能超过20个字符')
    .transform((s) => s || null)
    .nullable()
    .default(null),
  sortOrder: z.number().int().min(0).default(0),
});
export type VillageInput = z.infer<typeof VillageInput>;

export const UserInput = z.object({
  username: z
    .string()
    .trim()
    .regex(
      /^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/,
      '用户名须以字母开头，由3–32位字母、数字、下划线、点或连字符组成',
    ),
  displayName: name('姓名', 30),
  roles: z.array(z.enum(ROLES)).min(1, '请至少选择一个角色'),
  officeId: z.number().int().positive().nullable().default(null),
  villageId: z.number().int().positive().nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^$|^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, '电话号码格式不正确')
    .transform((s) => s || null)
    .nullable()
    .default(null),
  email: z
    .string()
    .trim()
    .regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, '电子邮箱格式不正确')
    .transform((s) => s || null)
    .nullable()
    .default(null),
});
export type UserInput = z.infer<typeof UserInput>;
