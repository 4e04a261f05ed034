import { describe, expect, it } from 'vitest';
import { privateAddressKind } from '@/lib/net/private-address';

describe('privateAddressKind', () => {
  it('names loopback, link-local, private and unspecified IPv4 addresses', () => {
    expect(privateAddressKind('127.0.0.1')).toBe('a loopback address');
    expect(privateAddressKind('127.255.0.9')).toBe('a loopback address');
    expect(privateAddressKind('169.254.169.254')).toMatch(/^a link-local address/);
    for (const ip of ['10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1'])
      expect(privateAddressKind(ip)).toBe('a private address');
    expect(privateAddressKind('0.0.0.0')).toMatch(/unspecified/);
    expect(privateAddressKind('100.64.0.1')).toMatch(/carrier-grade/);
  });

  it('names IPv6 loopback, unique local, link-local, and IPv4 hidden inside IPv6', () => {
    expect(privateAddressKind('::1')).toBe('a loopback address');
    expect(privateAddressKind('[::1]')).toBe('a loopback address');
    expect(privateAddressKind('::')).toMatch(/unspecified/);
    expect(privateAddressKind('fc00::1')).toMatch(/unique local/);
    expect(privateAddressKind('fd12:3456::1')).toMatch(/unique local/);
    expect(privateAddressKind('fe80::1%eth0')).toMatch(/link-local/);
    expect(privateAddressKind('::ffff:127.0.0.1')).toBe('a loopback address');
    expect(privateAddressKind('::ffff:7f00:1')).toBe('a loopback address');
    expect(privateAddressKind('::ffff:a9fe:a9fe')).toMatch(/^a link-local address/);
    expect(privateAddressKind('64:ff9b::10.0.0.1')).toBe('a private address');
  });

  it('lets public addresses and names through', () => {
    for (const ip of [
      '8.8.8.8',
      '1.1.1.1',
      '172.32.0.1',
      '192.169.0.1',
      '2606:4700::1111',
      '::ffff:8.8.8.8',
      'example.com',
    ]) {
      expect(privateAddressKind(ip)).toBeNull();
    }
  });
});
