using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dimona.Grpc.Domain;
using Dimona.Grpc.Domain.Identifiers;
using Google.Protobuf;

namespace Dimona.Grpc.Services;

/// <summary>
/// The page tokens of the list calls (AIP-158), in base64url: the key of the last item of the page (where the next
/// page starts), preceded by a hash of that key, the request's type and its filters (every field but page_size and
/// page_token). A token therefore opens only with a request of the same type and the same filters. It is opaque but
/// not secret: the hash catches a token damaged, made up or reused with other filters, and a forged position could
/// reach only what the same request lists anyway.
/// </summary>
internal static class PageToken
{
    private const int HashLength = 12;

    /// <summary>The next_page_token after <paramref name="page"/> of the declarations <paramref name="request"/> lists; empty on the last page.</summary>
    public static string Next<TRequest>(TRequest request, Page<Declaration> page)
        where TRequest : IMessage<TRequest> =>
        page.More ? Issue(request, KeyText(DeclarationKey.Of(page.Items[^1]))) : "";

    /// <summary>The next_page_token after <paramref name="page"/> of the periods <paramref name="request"/> lists; empty on the last page.</summary>
    public static string Next<TRequest>(TRequest request, Page<Period> page)
        where TRequest : IMessage<TRequest> =>
        page.More ? Issue(request, KeyText(PeriodKey.Of(page.Items[^1]))) : "";

    /// <summary>The declaration after which the page <paramref name="token"/> asks for starts; null when this service did not issue it for these filters.</summary>
    public static DeclarationKey? DeclarationAfter<TRequest>(TRequest request, string token)
        where TRequest : IMessage<TRequest>
    {
        var parts = Open(request, token)?.Split(' ');
        return parts is [var time, var number]
            && DateTimeOffset.TryParseExact(time, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var receiveTime)
            && DeclarationNumber.TryParse(number, out var n, out _)
            ? new DeclarationKey(receiveTime, n)
            : null;
    }

    /// <summary>The period after which the page <paramref name="token"/> asks for starts; null when this service did not issue it for these filters.</summary>
    public static PeriodKey? PeriodAfter<TRequest>(TRequest request, string token)
        where TRequest : IMessage<TRequest>
    {
        var parts = Open(request, token)?.Split(' ');
        return parts is [var date, var id]
            && IsoText.TryDate(date, out var start)
            && PeriodId.TryParse(id, out var p, out _)
            ? new PeriodKey(start, p)
            : null;
    }

    private static string KeyText(DeclarationKey key) =>
        $"{key.ReceiveTime.ToString("O", CultureInfo.InvariantCulture)} {key.Number.Value}";

    private static string KeyText(PeriodKey key) =>
        $"{key.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {key.Id.Value}";

    private static string Issue<TRequest>(TRequest request, string key)
        where TRequest : IMessage<TRequest>
    {
        var keyBytes = Encoding.UTF8.GetBytes(key);
        return Base64Url.EncodeToString([.. Hash(request, keyBytes), .. keyBytes]);
    }

    /// <summary>The key text in <paramref name="token"/>, or null when it is no token issued for <paramref name="request"/>'s type and filters.</summary>
    private static string? Open<TRequest>(TRequest request, string token)
        where TRequest : IMessage<TRequest>
    {
        if (!Base64Url.IsValid(token))
        {
            return null;
        }
        var bytes = Base64Url.DecodeFromChars(token);
        if (bytes.Length <= HashLength)
        {
            return null;
        }
        var keyBytes = bytes[HashLength..];
        return CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, HashLength), Hash(request, keyBytes))
            ? Encoding.UTF8.GetString(keyBytes)
            : null;
    }

    /// <summary>The hash of the request's type, the key, and the request's filters: the request without page_size and page_token.</summary>
    private static byte[] Hash<TRequest>(TRequest request, byte[] key)
        where TRequest : IMessage<TRequest>
    {
        var filters = request.Clone();
        foreach (var paging in new[] { "page_size", "page_token" })
        {
            filters.Descriptor.FindFieldByName(paging).Accessor.Clear(filters);
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // The type name and the key hold no NUL, so the three parts cannot run into each other.
        hash.AppendData(Encoding.UTF8.GetBytes(request.Descriptor.FullName));
        hash.AppendData([0]);
        hash.AppendData(key);
        hash.AppendData([0]);
        hash.AppendData(filters.ToByteArray());
        return hash.GetHashAndReset()[..HashLength];
    }
}
