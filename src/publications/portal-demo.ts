/**
 * Demo content of the portal's 信息公开指南 and 信息公开制度 for the demo township (demo data, marked as such): the
 * 受理机构 details the guide and the paper form show, and a 制度 page so the section is not empty.
 */
import type { Ctx } from '../context.ts';
import { savePortalPage } from './save-portal-page.ts';
import { saveGuideContact } from './guide-settings.ts';

const RULES = `<p>（演示数据）为规范本乡政府信息公开工作，根据《中华人民共和国政府信息公开条例》，本乡建立以下工作制度。</p>
<h2>一、主动公开制度</h2>
<p>属于主动公开范围的政府信息，自形成或者变更之日起20个工作日内予以公开，法律、法规对期限另有规定的从其规定。</p>
<h2>二、依申请公开制度</h2>
<p>党政综合办公室统一受理政府信息公开申请，登记、分办、答复、送达、归档全程留痕，答复期限自收到申请之日起20个工作日。</p>
<h2>三、保密审查制度</h2>
<p>拟公开的政府信息在公开前依照《中华人民共和国保守国家秘密法》等规定进行审查，不能确定是否可以公开的，报有关主管部门确定。</p>
<h2>四、监督考核和责任追究制度</h2>
<p>政府信息公开工作纳入年度考核，每年1月31日前公布上一年度政府信息公开工作年度报告。</p>`;

export async function loadPortalDemo(ctx: Ctx, townshipId: number): Promise<void> {
  await savePortalPage(ctx, townshipId, 'rules', { title: '信息公开制度', body: RULES });
  await saveGuideContact(ctx, townshipId, {
    office: '哈拉直沟乡人民政府党政综合办公室（演示数据）',
    address: '青海省海东市互助土族自治县哈拉直沟乡政府院内',
    postcode: '810500',
    hours: '工作日上午8:30—12:00，下午14:30—18:00（法定节假日除外）',
    phone: '0972-8000000',
    fax: '',
    email: 'hlzg-gk@example.gov.cn',
  });
}
