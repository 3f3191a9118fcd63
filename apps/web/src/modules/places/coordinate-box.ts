/**
 * The box the server accepts coordinates in for this deployment (Liaocheng), shown as a hint on the forms.
 * The server's config constant is the authority; a coordinate outside it comes back as a field error.
 */
export const COORDINATE_BOX = { minLng: 115.2, maxLng: 116.6, minLat: 35.8, maxLat: 37.1 } as const;
