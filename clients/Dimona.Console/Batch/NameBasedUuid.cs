using System.Security.Cryptography;
using System.Text;

namespace Dimona.Console.Batch;

/// <summary>RFC 4122 name-based UUIDs, version 5: the same namespace and name always give the same UUID.</summary>
internal static class NameBasedUuid
{
    public static Guid Version5(Guid namespaceId, string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
        var hash = SHA1.HashData(input);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
