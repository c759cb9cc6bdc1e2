import type { ChannelResponse, ResponseModel } from './types.ts';

/**
 * A Michaelis–Menten channel with gain 1: r(x) = coef·x / (K + x). For tests, benches and examples.
 * @example mmChannel('a', 4, 1, 2).coef // 4
 */
export function mmChannel(name: string, coef: number, halfSaturation: number, current: number): ChannelResponse {
  return { name, current, coef, gain: 1, saturation: { type: 'michaelis-menten', halfSaturation } };
}

/**
 * A Hill channel with gain 1: r(x) = coef·x^s / (x^s + K^s). For tests, benches and examples.
 * @example hillChannel('a', 1, 2, 3, 1).saturation.type // 'hill'
 */
export function hillChannel(name: string, coef: number, halfSaturation: number, shape: number, current: number): ChannelResponse {
  return { name, current, coef, gain: 1, saturation: { type: 'hill', halfSaturation, shape } };
}

/** A response model from channels, baseline 0 unless given. @example responseModel([mmChannel('a', 1, 1, 1)]).baseline // 0 */
export function responseModel(channels: ChannelResponse[], baseline = 0): ResponseModel {
  return { channels, baseline };
}
