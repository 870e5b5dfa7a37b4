using Dimona.Grpc.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dimona.Grpc.Tests.Edge;

/// <summary>What the edge takes for a storage failure (answered UNAVAILABLE STORAGE_UNAVAILABLE) and what it leaves to be a bug.</summary>
public class EdgeInterceptorTests
{
    private static readonly SqliteException Database = new("database is locked", 5);

    [Fact]
    public void StorageFailure_TheDatabasesOwnException_IsOne() => Assert.True(EdgeInterceptor.IsStorageFailure(Database));

    [Fact]
    public void StorageFailure_EfCoresTransientWrapper_IsOne() =>
        Assert.True(EdgeInterceptor.IsStorageFailure(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", Database)));

    [Fact]
    public void StorageFailure_RetriesExhausted_IsOne() =>
        Assert.True(EdgeInterceptor.IsStorageFailure(new RetryLimitExceededException("The maximum number of retries (6) was exceeded.", Database)));

    [Fact]
    public void StorageFailure_ABugWithoutADatabaseCause_IsNone() =>
        Assert.False(EdgeInterceptor.IsStorageFailure(new InvalidOperationException("A bug.", new ArgumentException("a bad argument"))));
}
