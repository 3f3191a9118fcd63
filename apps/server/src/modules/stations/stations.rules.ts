import { PLACE_BOUNDS } from '@shangmi/shared';
import type { FieldError } from '../../lib/errors';

/** Coordinates are stored as integer millionths of a degree (exact on both dialects). */
export const toMicro = (degrees: number): number => Math.round(degrees * 1_000_000);
export const fromMicro = (micro: number | string): number => Number(micro) / 1_000_000;

/** Chinese field problems for a longitude/latitude pair outside the deployment's box. */
export function coordinateProblems(input: { longitude?: number; latitude?: number }): FieldError[] {
  const problems: FieldError[] = [];
  const b = PLACE_BOUNDS;
  if (input.longitude !== undefined && !(input.longitude >= b.minLng && input.longitude <= b.maxLng)) {
    problems.push({
      field: 'longitude',
      message: `经度应在 ${b.minLng}–${b.maxLng} 之间（本市范围内），请核对坐标`,
    });
  }
  if (input.latitude !== undefined && !(input.latitude >= b.minLat && input.latitude <= b.maxLat)) {
    problems.push({
      field: 'latitude',
      message: `纬度应在 ${b.minLat}–${b.maxLat} 之间（本市范围内），请核对坐标`,
    });
  }
  return problems;
}

export interface StaffMember {
  name: string;
  role: string;
  phone: string;
  liaison: boolean;
}

/** A station has at least one staff member and exactly one liaison officer (联络员), and offers a service. */
export function stationContentProblems(input: { staff?: StaffMember[]; services?: string[] }): FieldError[] {
  const problems: FieldError[] = [];
  if (input.staff !== undefined) {
    if (input.staff.length === 0) {
      problems.push({ field: 'staff', message: '服务站至少应配备 1 名工作人员' });
    } else {
      const liaisons = input.staff.filter((s) => s.liaison).length;
      if (liaisons !== 1) {
        problems.push({
          field: 'staff',
          message: liaisons === 0 ? '请指定 1 名联络员' : `联络员只能有 1 名，当前指定了 ${liaisons} 名`,
        });
      }
    }
  }
  if (input.services !== undefined && input.services.length === 0) {
    problems.push({ field: 'services', message: '请至少选择一项服务内容' });
  }
  return problems;
}
