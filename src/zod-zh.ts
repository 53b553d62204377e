/**
 * Chinese messages for every zod check that has no message of its own, set once for the whole process (imported by
 * errors.ts, which every use case imports). A schema's own message always wins; this only replaces zod's English
 * defaults ("Invalid input: expected number, received NaN"), which must never reach a user.
 */
import { z } from 'zod';

interface Issue {
  code?: string;
  expected?: string;
  input?: unknown;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

export function chineseMessage(iss: Issue): string {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null || iss.input === '') return '此项必填';
      if (iss.expected === 'number' || iss.expected === 'int' || iss.expected === 'bigint')
        return '请填写数字';
      if (iss.expected === 'date') return '请填写正确的日期';
      if (iss.expected === 'boolean') return '请选择是或否';
      return '填写内容的格式不正确';
    case 'too_small': {
      const min = Number(iss.minimum);
      if (iss.origin === 'string') return min <= 1 ? '此项必填' : `至少需要${min}个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `至少需要选择${min}项`;
      return iss.inclusive === false ? `应大于${min}` : `不能小于${min}`;
    }
    case 'too_big': {
      const max = Number(iss.maximum);
      if (iss.origin === 'string') return `不能超过${max}个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `最多只能选择${max}项`;
      return iss.inclusive === false ? `应小于${max}` : `不能大于${max}`;
    }
    case 'invalid_format':
      if (iss.format === 'email') return '电子邮箱格式不正确';
      if (iss.format === 'url') return '网址格式不正确';
      return '格式不正确';
    case 'invalid_value':
    case 'invalid_union':
      return '请从列表中选择';
    case 'not_multiple_of':
      return '数值不正确';
    case 'unrecognized_keys':
      return '提交了不认识的内容';
    default:
      return '填写内容有误';
  }
}

z.config({ customError: (iss) => chineseMessage(iss as Issue) });
