/**
 * Pace of a formal speech read out at a meeting (工作报告 at a 人代会 or 政协全会): about 220 汉字 a minute, slower
 * than conversation (≈ 250–300) because the text is read clearly, with pauses at every 逗号 and 句号.
 */
export const SPEECH_HAN_PER_MINUTE = 220

/** Minutes (whole, rounded up; 0 for an empty text) to read `han` 汉字 out at the speech pace. */
export function readingMinutes(han: number): number {
  return han > 0 ? Math.ceil(han / SPEECH_HAN_PER_MINUTE) : 0
}
