using System.Security.Cryptography;
using Dimona.Grpc.Domain.Identifiers;

namespace Dimona.Grpc.Persistence;

/// <summary>
/// Declaration numbers drawn at random (the writer retries one that is already taken): a number reveals nothing of
/// how many declarations exist, and others' declarations cannot be reached by counting. The cryptographic generator
/// fills a buffer at a time, since it is called once per declaration on the writer's thread.
/// </summary>
internal sealed class NumberDraw
{
    private const ulong Span = DeclarationNumber.LastBase - DeclarationNumber.FirstBase + 1;
    private const int BufferSize = 8 * 512;
    private readonly byte[] buffer = new byte[BufferSize];
    private int next = BufferSize;

    public DeclarationNumber Next()
    {
        if (next == BufferSize)
        {
            RandomNumberGenerator.Fill(buffer);
            next = 0;
        }
        var value = BitConverter.ToUInt64(buffer, next);
        next += 8;
        return DeclarationNumber.FromBase(DeclarationNumber.FirstBase + (long)(value % Span));
    }
}
