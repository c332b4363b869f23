import { describe, expect, it } from 'vitest'
import { runWrs } from '../../helpers/run-wrs'

const server = ['--server', 'http://127.0.0.1:9', '--token', 't']

/** Argument errors are printed before anything reaches the server, so no server runs here. */
describe('collab commands: argument errors', () => {
  it.each([
    [['pull', '--token', 't', '--report', 'r', '-o', 'a.wrs'], '缺少“--server”：协作服务器的地址'],
    [['pull', '--server', 'ftp://x', '--token', 't'], '服务器地址“ftp://x”应以 http:// 或 https:// 开头。'],
    [['pull', ...server, 'extra', '--report', 'r'], '多余的参数“extra”。'],
    [['pull', ...server, '-o', 'a.wrs'], '缺少“--report”：报告编号（wrs share 输出的最后一行）。'],
    [['pull', ...server, '--report', 'r'], '缺少“-o”：保存到哪个 .wrs 文件。'],
    [['pull', ...server, '--report', 'r', '--part', '2'], '不认识的选项“--part”。'],
    [['parts', ...server], '缺少“--report”：报告编号（wrs share 输出的最后一行）。'],
    [['parts', ...server, '--report'], '“--report”后面要写值。'],
    [['approve', ...server, '--report', 'r'], '缺少“--part”：第几部分'],
    [['approve', ...server, '--report', 'r', '--part', '0'], '“--part”应是从 1 起的整数，而不是“0”。'],
    [['assign', ...server, '--report', 'r', '--part', '1'], '缺少“--office”：分配给哪个处室'],
    [['assign', ...server, 'extra', '--report', 'r', '--part', '1'], '多余的参数“extra”。'],
    [['push', ...server], '缺少要推送的报告文件（.wrs）。'],
    [['push', ...server, 'a.wrs', 'b.wrs'], '多余的参数“b.wrs”：一次只能推送一个报告。'],
    [['push', ...server, '-o', 'a.wrs'], '不认识的选项“-o”。'],
    [['share', '--server', 'http://127.0.0.1:9', 'a.wrs'], '缺少“--token”：您的个人令牌'],
    [['share', ...server, 'a.wrs', '--report', 'r'], '不认识的选项“--report”。'],
    [['share', ...server, 'a.wrs', 'b.wrs'], '多余的参数“b.wrs”：一次只能共享一个报告。'],
  ])('wrs %j', async (argv, message) => {
    const saved = process.env.WRS_TOKEN
    delete process.env.WRS_TOKEN
    try {
      const result = await runWrs(argv, process.cwd())
      expect(result.code).toBe(2)
      expect(result.err.split('\n')[0]).toContain(message)
      expect(result.err).toContain('用法：wrs ' + argv[0])
    } finally {
      if (saved !== undefined) process.env.WRS_TOKEN = saved
    }
  })
})
