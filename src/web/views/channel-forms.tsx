/**
 * The channels of a published item: links that generate each output (nothing is recorded by generating), and the
 * form that records that the item went out — on which day, under which link — which is what the annual report counts.
 */
import { Csrf, Field, FormError, Select, type FormState } from './forms.tsx';
import { CHANNEL_LABELS } from '../../publications/record-channel.ts';

const OUTPUTS = [
  ['wechat_account', '生成公众号文章'],
  ['wechat_group', '生成微信群消息'],
  ['notice_board', '生成公开栏张贴稿（PDF）'],
] as const;

export function ChannelForms({ id, csrf, form }: { id: number; csrf: string; form: FormState }) {
  const base = `/office/publications/${id}`;
  return (
    <>
      <p class="actions">
        {OUTPUTS.map(([ch, label]) => (
          <>
            <a class="button" href={`${base}/channels/${ch}`}>
              {label}
            </a>{' '}
          </>
        ))}
      </p>
      <p class="hint">
        生成文章或消息不等于已发布：发出后请在下面登记发出日期（公众号文章须填链接），年度报告只统计已登记的渠道。
      </p>
      <form method="post" action={`${base}/channels`} novalidate id="channel-form">
        <Csrf token={csrf} />
        <FormError form={form} />
        <fieldset>
          <legend>登记已发出的渠道</legend>
          <Select
            form={form}
            name="channel"
            label="渠道"
            required
            blank="请选择"
            options={(['wechat_account', 'wechat_group', 'notice_board', 'reading_point'] as const).map(
              (c) => ({
                value: c,
                label: CHANNEL_LABELS[c],
              }),
            )}
          />
          <Field form={form} name="usedOn" type="date" label="发出日期" required />
          <Field
            form={form}
            name="link"
            type="url"
            label="链接"
            hint="公众号文章的网址（必填）；其他渠道没有链接的可不填"
          />
          <Field form={form} name="note" label="说明" hint="如：张贴于乡政府公开栏、各村公开栏" />
        </fieldset>
        <button type="submit">登记</button>
      </form>
    </>
  );
}
