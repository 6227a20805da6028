import { lookup as dnsLookup } from 'node:dns'
import { BlockList, isIP, type LookupFunction } from 'node:net'

/**
 * Addresses a URL found inside a feed (an article page, an image) must not
 * reach unless `--allow-private-urls` is given: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast, reserved and the unspecified address, in IPv4 and IPv6
 * (IPv4-mapped and NAT64 forms are checked as the IPv4 they carry).
 */
const BLOCKED = new BlockList()
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4')
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6')

/** Decides whether an IP address may be connected to. */
export type AddressPolicy = (ip: string) => boolean

/** Whether `ip` is a public address (not loopback, private, link-local…). */
export const isPublicAddress: AddressPolicy = (ip) => {
  const embedded = embeddedIpv4(ip)
  if (embedded) return !BLOCKED.check(embedded, 'ipv4')
  const family = isIP(ip)
  if (family === 4) return !BLOCKED.check(ip, 'ipv4')
  if (family === 6) return !BLOCKED.check(ip, 'ipv6')
  return false
}

/** The IPv4 address inside `::ffff:a.b.c.d`, `::ffff:7f00:1` or `64:ff9b::…`. */
function embeddedIpv4(ip: string): string | undefined {
  const lower = ip.toLowerCase().replace(/^\[|\]$/g, '')
  const match = /^(?:::ffff:|64:ff9b::)(.+)$/.exec(lower)
  if (!match) return undefined
  const tail = match[1]
  if (isIP(tail) === 4) return tail
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(tail)
  if (!hex) return undefined
  const hi = Number.parseInt(hex[1], 16)
  const lo = Number.parseInt(hex[2], 16)
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.')
}

/** Thrown when a guarded request would reach a refused address. */
export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError'
  readonly code = 'ERR_ZIXUN_REFUSED_ADDRESS'
}

/**
 * The refusal for a URL whose host is an IP literal the policy refuses;
 * undefined when the host is a name (checked when it is resolved) or an
 * allowed address.
 */
export function refuseLiteral(
  url: URL,
  policy: AddressPolicy,
): RefusedAddressError | undefined {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host) === 0) {
    if (host === 'localhost' || host.endsWith('.localhost'))
      return new RefusedAddressError(`refused: ${host} is a loopback name`)
    return undefined
  }
  return policy(host)
    ? undefined
    : new RefusedAddressError(`refused: ${host} is a private address`)
}

/**
 * A `lookup` for net.connect that resolves as usual and fails when any
 * address the name resolves to is refused by `policy`, so a name cannot
 * point at a private address (nor be re-pointed between check and
 * connect: the check is the resolution the socket uses).
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, [])
      const refused = addresses.find((a) => !policy(a.address))
      if (refused) {
        const message = `refused: ${hostname} resolves to a private address (${refused.address})`
        return callback(new RefusedAddressError(message), [])
      }
      if (options.all) return callback(null, addresses)
      callback(null, addresses[0].address, addresses[0].family)
    })
  }
}
