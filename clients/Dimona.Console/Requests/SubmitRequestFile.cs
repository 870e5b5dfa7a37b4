using Dimona.V1;
using Google.Protobuf;

namespace Dimona.Console.Requests;

/// <summary>Reads a <see cref="SubmitDeclarationRequest"/> written in proto3 JSON, for <c>dimona submit --file</c>.</summary>
internal static class SubmitRequestFile
{
    public static SubmitDeclarationRequest Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {exception.Message}");
        }

        return Parse(json, path);
    }

    /// <summary>Parses the JSON strictly (an unknown field is an error) and fills an empty request_id with a new UUID.</summary>
    public static SubmitDeclarationRequest Parse(string json, string source)
    {
        var request = ParseAsWritten(json, source);
        if (request.RequestId.Length == 0)
        {
            request.RequestId = SubmitRequestBuilder.NewRequestId();
        }

        return request;
    }

    /// <summary>Parses the JSON strictly (an unknown field is an error), leaving an empty request_id empty.</summary>
    public static SubmitDeclarationRequest ParseAsWritten(string json, string source)
    {
        try
        {
            return JsonParser.Default.Parse<SubmitDeclarationRequest>(json);
        }
        catch (Exception exception) when (exception is InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new UsageException($"{source} is not a valid SubmitDeclarationRequest in proto3 JSON: {exception.Message}");
        }
    }
}
