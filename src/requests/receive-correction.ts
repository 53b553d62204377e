/** The corrected request arrives: the 20 working days restart from that day (条例第三十条). */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput, ValidationError } from '../errors.ts';
import { CorrectionReceivedInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';

export async function receiveCorrection(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(CorrectionReceivedInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    action: 'receive_correction',
    audit: 'request.correction_received',
    async run({ trx, today }) {
      if (input.receivedOn > today)
        throw new ValidationError('收到补正日期不能晚于今天', { receivedOn: '不能晚于今天' });
      const c = await trx
        .selectFrom('request_corrections')
        .select(['id', 'notice_on'])
        .where('request_id', '=', id)
        .where('received_on', 'is', null)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!c) throw new InvalidStateError('本申请没有待补正的告知');
      if (input.receivedOn < c.notice_on)
        throw new ValidationError('收到补正日期不能早于发出补正告知的日期', {
          receivedOn: '早于补正告知日期',
        });
      await trx
        .updateTable('request_corrections')
        .set({ received_on: input.receivedOn, corrected_content: input.content ?? null })
        .where('id', '=', c.id)
        .execute();
      return { audit: { after: { correctedOn: input.receivedOn } } };
    },
  });
}
