/** The fields of a user that the new-user and the edit-user forms share: name, roles, place, phone, e-mail. Pure. */
import type { Office, Village } from '../../../org/org.ts';
import { ROLES, ROLE_LABELS } from '../../../org/roles.ts';
import { Checkboxes, Field, Select, type FormState } from '../forms.tsx';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function UserFields(p: {
  form: FormState;
  offices: readonly Office[];
  villages: readonly Village[];
  phoneInputmode?: 'tel';
}) {
  return (
    <>
      <Field form={p.form} name="displayName" label="姓名" required />
      <Checkboxes form={p.form} name="roles" legend="角色" options={roleOptions} />
      <Select
        form={p.form}
        name="officeId"
        label="站办所"
        blank="（无）"
        options={p.offices.map((o) => ({ value: String(o.id), label: o.name }))}
      />
      <Select
        form={p.form}
        name="villageId"
        label="村"
        blank="（无）"
        options={p.villages.map((v) => ({ value: String(v.id), label: v.name }))}
      />
      <Field form={p.form} name="phone" label="手机" type="tel" inputmode={p.phoneInputmode} />
      <Field form={p.form} name="email" label="电子邮箱" type="email" />
    </>
  );
}
