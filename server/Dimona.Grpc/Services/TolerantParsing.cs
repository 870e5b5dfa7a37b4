using System.Runtime.CompilerServices;
using System.Text;
using Dimona.Grpc.Domain;
using Google.Protobuf;
using Grpc.Core;

namespace Dimona.Grpc.Services;

/// <summary>
/// Request parsing that cannot throw. gRPC parses a request before any handler or interceptor runs, and a parser
/// exception becomes UNKNOWN with a stack trace in the log. Here a request that is not valid protobuf (or carries
/// invalid UTF-8 in a string) becomes an empty placeholder remembered as unparsable, which the service answers with
/// INVALID_ARGUMENT (reason UNPARSABLE_REQUEST) and one warning line.
/// </summary>
internal static class TolerantParsing
{
    private static readonly ConditionalWeakTable<object, string> Unparsable = [];

    /// <summary>Why <paramref name="message"/> stands for a request that could not be parsed, or null.</summary>
    public static string? WhyUnparsable(object message) => Unparsable.TryGetValue(message, out var reason) ? reason : null;

    /// <summary>The failure for an unparsable request, after logging it on one line.</summary>
    public static Failure Refuse(ILogger logger, string method, string reason)
    {
        logger.LogWarning("Unparsable request to {Method}: {Reason}", method, reason);
        return Failure.Unparsable(reason);
    }

    /// <summary>Binds the service's methods with request marshallers that never throw.</summary>
    public sealed class Binder(ServiceBinderBase inner) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Tolerant(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Tolerant(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Tolerant(method), handler);

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            inner.AddMethod(Tolerant(method), handler);

        private static Method<TRequest, TResponse> Tolerant<TRequest, TResponse>(Method<TRequest, TResponse> method)
            where TRequest : class
            where TResponse : class
        {
            var parse = method.RequestMarshaller.ContextualDeserializer;
            var marshaller = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, context =>
            {
                try
                {
                    return parse(context);
                }
                catch (Exception e) when (e is InvalidProtocolBufferException or DecoderFallbackException)
                {
                    var placeholder = Activator.CreateInstance<TRequest>();
                    Unparsable.Add(placeholder, e is DecoderFallbackException ? "a string field is not valid UTF-8" : "not a valid protobuf message");
                    return placeholder;
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
        }
    }
}
