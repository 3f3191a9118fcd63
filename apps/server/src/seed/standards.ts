import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { frameworksExist, installPublishedFramework } from '../modules/frameworks/index';
import { CHEMICAL_GUIDE } from './standards/chemical-guide';
import { EJIAO_GUIDE } from './standards/ejiao-guide';
import { LOCAL_STANDARD } from './standards/local-standard';

const SEED_TRACE = { actor: null, requestId: 'seed', clientIp: 'local' };

export const LOCAL_STANDARD_CODE = 'lc-trade-secret-standard';
export const EJIAO_GUIDE_CODE = 'lc-guide-ejiao';
export const CHEMICAL_GUIDE_CODE = 'lc-guide-chemical';
export const SEED_VERSION = '2024.1';

const TEMPLATE_NOTE =
  '本文本由商密平台项目组编写，仅作为可编辑的模板（征求意见稿模板），并非官方发布的正式文本；依据《反不正当竞争法》（2019年修正）、《最高人民法院关于审理侵犯商业秘密民事案件适用法律若干问题的规定》（法释〔2020〕7号）和《劳动合同法》等编写。正式文本发布后，请以新版本替换。';

/**
 * The draft local standard 《聊城市商业秘密保护管理和服务规范》 and the 阿胶 and 化工 guides, each as a
 * published template version 2024.1. Called by seedBase on every seed: does nothing once any framework
 * exists, so re-seeding never duplicates them or touches frameworks the city has edited.
 */
export async function seedStandards(db: Kysely<DB>): Promise<void> {
  if (await frameworksExist(db)) {
    return;
  }
  await db.transaction().execute(async (trx) => {
    const standardVersionId = await installPublishedFramework(trx, SEED_TRACE, {
      code: LOCAL_STANDARD_CODE,
      kind: 'standard',
      name: '聊城市商业秘密保护管理和服务规范',
      industry: null,
      description: `地方标准《聊城市商业秘密保护管理和服务规范》征求意见稿模板。${TEMPLATE_NOTE}`,
      version: SEED_VERSION,
      content: LOCAL_STANDARD,
      template: true,
      baseVersionId: null,
    });
    await installPublishedFramework(trx, SEED_TRACE, {
      code: EJIAO_GUIDE_CODE,
      kind: 'guide',
      name: '阿胶行业商业秘密保护工作指引',
      industry: 'ejiao_tcm',
      description: `在地方标准基础上，针对阿胶生产企业的传统技艺传承、配方配比、驴皮来源和熬胶车间等补充要求。${TEMPLATE_NOTE}`,
      version: SEED_VERSION,
      content: EJIAO_GUIDE,
      template: true,
      baseVersionId: standardVersionId,
    });
    await installPublishedFramework(trx, SEED_TRACE, {
      code: CHEMICAL_GUIDE_CODE,
      kind: 'guide',
      name: '化工行业商业秘密保护工作指引',
      industry: 'chemical',
      description: `在地方标准基础上，针对化工企业的催化剂、工艺参数窗口、检修外包、样品管理和控制系统权限等补充要求。${TEMPLATE_NOTE}`,
      version: SEED_VERSION,
      content: CHEMICAL_GUIDE,
      template: true,
      baseVersionId: standardVersionId,
    });
  });
}
