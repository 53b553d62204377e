/** The editor of a 主动公开 item (new or draft). Pure: a function of the form, the catalogue and the offices. */
import type { Office } from '../../../org/org.ts';
import { categoryTree, flattenTree, type Category } from '../../../publications/catalogue.ts';
import {
  ATTRIBUTES,
  ATTRIBUTE_LABELS,
  DOC_KINDS,
  DOC_KIND_LABELS,
  GENRES,
  TOPICS,
  VALIDITIES,
  VALIDITY_LABELS,
  WITHHOLD_GROUNDS,
  WITHHOLD_GROUND_IDS,
} from '../../../publications/publication.ts';
import type { Publication } from '../../../publications/publications.queries.ts';
import { Checkboxes, Csrf, Field, FormError, Select, Submit, TextArea, type FormState } from '../forms.tsx';
import { str } from '../../form.ts';

/** The form values of a saved item, for its edit page. */
export function editorValues(p: Publication): FormState['values'] {
  return {
    version: String(p.version),
    title: p.title,
    categoryId: String(p.categoryId),
    officeId: p.officeId ? String(p.officeId) : '',
    issuer: p.issuer,
    docNo: p.docNo ?? '',
    writtenOn: p.writtenOn ?? '',
    formedOn: p.formedOn,
    topic: p.topic ?? '',
    genre: p.genre ?? '',
    keywords: p.keywords ?? '',
    body: p.bodyHtml,
    attribute: p.attribute,
    withholdGrounds: p.withholdGrounds,
    docKind: p.docKind,
    isMajor: p.isMajor ? '1' : '',
    interpretsId: p.interpretsId ? String(p.interpretsId) : '',
    periodOverrideDays: p.periodOverrideDays ? String(p.periodOverrideDays) : '',
    periodOverrideBasis: p.periodOverrideBasis ?? '',
    validity: p.validity,
    repealedOn: p.repealedOn ?? '',
    repealedByTitle: p.repealedByTitle ?? '',
    repealedById: p.repealedById ? String(p.repealedById) : '',
  };
}

/** 撰写 / 修改政府信息: the form posting to the list (new) or to the item (draft). */
export function PublicationEditor(props: {
  csrf: string;
  form: FormState;
  id: number | null;
  categories: Category[];
  offices: Office[];
}) {
  const { form, id } = props;
  const catOptions = flattenTree(categoryTree(props.categories.filter((x) => x.isActive))).map((n) => ({
    value: String(n.id),
    label: `${'　'.repeat(n.depth)}${n.name}`,
  }));
  const offices = props.offices;
  return (
    <>
      <h1>{id ? '修改政府信息' : '撰写政府信息'}</h1>
      <form method="post" action={id ? `/office/publications/${id}` : '/office/publications'} novalidate>
        <Csrf token={props.csrf} />
        <FormError form={form} />
        {id ? <input type="hidden" name="version" value={str(form.values.version)} /> : null}
        <Field form={form} name="title" label="标题" required />
        <Select form={form} name="categoryId" label="所属栏目" required options={catOptions} blank="请选择" />
        <Select
          form={form}
          name="officeId"
          label="承办站办所"
          options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
          blank="（本人所在站办所）"
        />
        <Field form={form} name="issuer" label="发布机构" required />
        <Field form={form} name="docNo" label="文号" hint="如：互政〔2025〕12号；没有可不填" />
        <Field form={form} name="writtenOn" label="成文日期" type="date" />
        <Field
          form={form}
          name="formedOn"
          label="信息形成（变更）日期"
          type="date"
          required
          hint="条例第二十六条：自该日起20个工作日内公开"
        />
        <Select
          form={form}
          name="topic"
          label="主题分类"
          options={TOPICS.map((t) => ({ value: t, label: t }))}
          blank="请选择"
        />
        <Select
          form={form}
          name="genre"
          label="体裁"
          options={GENRES.map((t) => ({ value: t, label: t }))}
          blank="请选择"
        />
        <Field form={form} name="keywords" label="关键词" hint="多个关键词用空格分隔" />
        <TextArea
          form={form}
          name="body"
          label="正文"
          rows={14}
          hint="可直接输入文字（每段一行），也可粘贴网页格式内容；不允许脚本"
        />
        <fieldset class="field">
          <legend>属性认定</legend>
          <Select
            form={form}
            name="attribute"
            label="公开属性"
            required
            options={ATTRIBUTES.map((a) => ({ value: a, label: ATTRIBUTE_LABELS[a] }))}
          />
          <Checkboxes
            form={form}
            name="withholdGrounds"
            legend="不予公开的法定理由（选择“不予公开”时必选）"
            options={WITHHOLD_GROUND_IDS.map((g) => ({
              value: g,
              label: `${WITHHOLD_GROUNDS[g].article}：${WITHHOLD_GROUNDS[g].label}${WITHHOLD_GROUNDS[g].mandatory ? '' : '（可以不予公开）'}`,
            }))}
          />
        </fieldset>
        <Select
          form={form}
          name="docKind"
          label="文件类型"
          options={DOC_KINDS.map((k) => ({ value: k, label: DOC_KIND_LABELS[k] }))}
        />
        <Checkboxes
          form={form}
          name="isMajor"
          legend="重大事项或敏感信息"
          options={[{ value: '1', label: '是（须报主要领导审定）' }]}
        />
        <Field
          form={form}
          name="interpretsId"
          label="所解读文件的编号"
          hint="发布政策解读时，填写被解读文件在本系统中的编号"
          inputmode="numeric"
        />
        <details open={Boolean(form.values.periodOverrideDays)}>
          <summary>法律、法规另有公开期限规定</summary>
          <Field form={form} name="periodOverrideDays" label="公开期限（工作日）" type="number" />
          <Field form={form} name="periodOverrideBasis" label="依据条款" />
        </details>
        <fieldset class="field">
          <legend>有效性</legend>
          <Select
            form={form}
            name="validity"
            label="有效性"
            options={VALIDITIES.map((v) => ({ value: v, label: VALIDITY_LABELS[v] }))}
          />
          <Field form={form} name="repealedOn" label="废止（失效）日期" type="date" />
          <Field form={form} name="repealedByTitle" label="废止它的文件（文号及标题）" />
          <Field
            form={form}
            name="repealedById"
            label="或：废止它的文件在本系统中的编号"
            inputmode="numeric"
          />
        </fieldset>
        <Submit>保存草稿</Submit>
      </form>
    </>
  );
}
