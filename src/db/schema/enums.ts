import { pgEnum } from 'drizzle-orm/pg-core';
import {
  ALARM_KINDS,
  BARRIER_KINDS,
  BARRIER_STATES,
  CONTACT_CHANNELS,
  CONSEQUENCES,
  CREDIT_STATUSES,
  NOTICE_STATES,
  OUTCOME_TYPES,
  PRESSURE_STATES,
  PROMISE_STATES,
  RISKS,
  ROLES,
  TERMS_KINDS,
} from '../../domain/vocabulary.js';

export const roleEnum = pgEnum('user_role', ROLES);
export const riskEnum = pgEnum('debtor_risk', RISKS);
export const creditStatusEnum = pgEnum('credit_status', CREDIT_STATUSES);
export const outcomeTypeEnum = pgEnum('outcome_type', OUTCOME_TYPES);
export const contactChannelEnum = pgEnum('contact_channel', CONTACT_CHANNELS);
export const promiseStateEnum = pgEnum('promise_state', PROMISE_STATES);
export const barrierKindEnum = pgEnum('barrier_kind', BARRIER_KINDS);
export const barrierStateEnum = pgEnum('barrier_state', BARRIER_STATES);
export const consequenceEnum = pgEnum('consequence', CONSEQUENCES);
export const pressureStateEnum = pgEnum('pressure_state', PRESSURE_STATES);
export const termsKindEnum = pgEnum('terms_kind', TERMS_KINDS);
export const alarmKindEnum = pgEnum('alarm_kind', ALARM_KINDS);
export const outboxStateEnum = pgEnum('outbox_state', ['pending', 'sending', 'sent', 'failed']);
export const jobRunStateEnum = pgEnum('job_run_state', ['running', 'done', 'failed']);
export const noticeStateEnum = pgEnum('notice_state', NOTICE_STATES);
