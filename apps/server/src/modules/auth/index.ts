export { createAuthService, toActor, safeEqual, type AuthService } from './auth.service';
export { authRoutes, presentMe, SESSION_COOKIE } from './auth.routes';
export { MeSchema } from './auth.schemas';
