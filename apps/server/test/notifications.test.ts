import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../src/modules/notifications/index';
import { createTestApp, enterpriseIdByName, type Session, type TestApp } from './helpers';

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('notification inbox', () => {
  let t: TestApp;
  let admin: Session;
  let user: Session;
  let other: Session;
  let toAdmin: string;
  let toEnterprise: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('ent.a.admin');
    user = await t.login('ent.a.user');
    other = await t.login('ent.b.admin');
    const entA = await enterpriseIdByName(t.db, '东阿示范阿胶股份有限公司');
    const adminId = (
      await t.db.selectFrom('users').select('id').where('username', '=', 'ent.a.admin').executeTakeFirstOrThrow()
    ).id;
    await t.db.transaction().execute(async (trx) => {
      await notify(trx, {
        userId: adminId,
        kind: 'assessment_accepted',
        title: '给管理员',
        body: '仅管理员可见',
        link: '/assessments/x',
      });
      await notify(trx, {
        organizationId: entA,
        kind: 'campaign_reminder',
        title: '给企业',
        body: '本企业用户都可见',
        link: null,
        dedupeKey: 'test:once',
      });
      // The same dedupe key again writes nothing.
      expect(
        await notify(trx, {
          organizationId: entA,
          kind: 'campaign_reminder',
          title: '重复',
          body: '',
          link: null,
          dedupeKey: 'test:once',
        }),
      ).toBe(false);
    });
    const items = (await admin.get('/api/notifications')).json().items;
    toAdmin = items.find((n: { title: string }) => n.title === '给管理员').id;
    toEnterprise = items.find((n: { title: string }) => n.title === '给企业').id;
  });
  afterAll(async () => t.close());

  it('shows what is addressed to the user or to their organisation, newest first', async () => {
    const mine = (await admin.get('/api/notifications')).json();
    expect(mine.total).toBe(2);
    expect(mine.items.every((n: { read: boolean }) => !n.read)).toBe(true);
    const colleague = (await user.get('/api/notifications')).json();
    expect(colleague.items.map((n: { title: string; addressedTo: string }) => [n.title, n.addressedTo])).toEqual([
      ['给企业', 'organization'],
    ]);
    expect((await other.get('/api/notifications')).json().total).toBe(0);
    expect((await admin.get('/api/notifications/unread-count')).json()).toEqual({ unread: 2 });
    const paged = (await admin.get('/api/notifications?page=2&pageSize=1')).json();
    expect(paged).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect((await admin.get('/api/notifications?bogus=1')).statusCode).toBe(400);
  });

  it('keeps read state per user; someone else’s notification is 404', async () => {
    const read = await admin.post(`/api/notifications/${toEnterprise}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().read).toBe(true);
    expect((await admin.get('/api/notifications/unread-count')).json().unread).toBe(1);
    // A colleague still has it unread.
    expect((await user.get('/api/notifications/unread-count')).json().unread).toBe(1);
    expect((await user.get('/api/notifications?unread=true')).json().items[0].id).toBe(toEnterprise);

    for (const id of [toAdmin, toEnterprise, MISSING]) {
      const res = await other.post(`/api/notifications/${id}/read`);
      expect(res.statusCode).toBe(404);
    }
    expect((await user.post(`/api/notifications/${toAdmin}/read`)).statusCode).toBe(404);
  });

  it('marks everything read at once', async () => {
    const all = await admin.post('/api/notifications/read-all');
    expect(all.statusCode).toBe(200);
    expect(all.json()).toEqual({ marked: 1 });
    expect((await admin.get('/api/notifications/unread-count')).json().unread).toBe(0);
    expect((await admin.get('/api/notifications?unread=true')).json().items).toEqual([]);
    const userAll = await user.post('/api/notifications/read-all');
    expect(userAll.json()).toEqual({ marked: 1 });
    expect((await user.post('/api/notifications/read-all')).json()).toEqual({ marked: 0 });
  });
});
