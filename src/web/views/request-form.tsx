/** The fields of a disclosure request (条例第二十九条), shared by the public form and the clerk's registration. */
import { Field, Select, TextArea, type FormState } from './forms.tsx';
import {
  APPLICANT_KINDS,
  APPLICANT_KIND_LABELS,
  DELIVERIES,
  DELIVERY_LABELS,
  FORMS,
  FORM_LABELS,
  ID_TYPES,
  ID_TYPE_LABELS,
} from '../../requests/request.ts';

const opts = <T extends string>(ids: readonly T[], labels: Record<T, string>) =>
  ids.map((v) => ({ value: v, label: labels[v] }));

export function RequestFields({ form }: { form: FormState }) {
  return (
    <>
      <fieldset class="field">
        <legend>申请人信息</legend>
        <Select
          form={form}
          name="applicantKind"
          label="申请人类型"
          required
          options={opts(APPLICANT_KINDS, APPLICANT_KIND_LABELS).map((o) =>
            o.value === 'natural_person'
              ? { ...o, label: '自然人（公民个人）' }
              : { ...o, label: `法人或其他组织：${o.label}` },
          )}
        />
        <Field form={form} name="applicantName" label="姓名或单位名称" required autocomplete="name" />
        <Select
          form={form}
          name="idType"
          label="证件类型"
          required
          options={opts(ID_TYPES, ID_TYPE_LABELS)}
        />
        <Field
          form={form}
          name="idNumber"
          label="证件号码"
          required
          hint="居民身份证号码、统一社会信用代码会自动核对校验位"
          autocomplete="off"
        />
        <Field form={form} name="phone" label="联系电话" type="tel" inputmode="tel" autocomplete="tel" />
        <Field form={form} name="email" label="电子邮箱" type="email" autocomplete="email" />
        <Field
          form={form}
          name="address"
          label="通信地址"
          autocomplete="street-address"
          hint="电话、邮箱、地址至少填写一项"
        />
      </fieldset>
      <fieldset class="field">
        <legend>所需信息</legend>
        <TextArea
          form={form}
          name="infoDescription"
          label="所需政府信息的名称或内容描述"
          required
          rows={5}
          hint="请尽量写明信息名称、文号或便于查找的特征，如时间、地点、项目名称"
        />
        <Field form={form} name="infoDocNo" label="文号（如知道）" />
        <Select
          form={form}
          name="formRequested"
          label="获取信息的形式"
          required
          options={opts(FORMS, FORM_LABELS)}
        />
        <Select
          form={form}
          name="deliveryRequested"
          label="获取信息的方式"
          required
          options={opts(DELIVERIES, DELIVERY_LABELS)}
        />
      </fieldset>
      <fieldset class="field">
        <legend>需要帮助</legend>
        <label class="check">
          <input
            type="checkbox"
            name="needsAssistance"
            value="1"
            checked={form.values.needsAssistance === '1' || form.values.needsAssistance === 'on'}
          />{' '}
          有阅读困难或视听障碍，需要工作人员帮助（条例第四十三条）
        </label>
        <Field form={form} name="assistanceNote" label="需要哪些帮助" />
      </fieldset>
    </>
  );
}
