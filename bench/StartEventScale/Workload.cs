using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Bench.StartEventScale;

/// <summary>The seeded events and the measured queries.</summary>
internal static class Workload
{
    internal const string Tenant = "scale";

    internal static string Customer(int customer) => "cust-" + customer.ToString("D6", CultureInfo.InvariantCulture);

    internal static StartServiceRequest Service(int item, int perCustomer) => new()
    {
        Tenant = Tenant,
        Event = new ServiceStartEvent
        {
            CustomerId = Customer(item / perCustomer),
            ServiceType = Value.ForNumber(1 + (item % 5)),
            InteractionId = "ixn-" + item.ToString(CultureInfo.InvariantCulture),
            MediaType = Value.ForString("voice"),
            Extensions = new Struct { Fields = { ["Survey"] = Value.ForStruct(new Struct { Fields = { ["Rating"] = Value.ForNumber(item % 5) } }) } },
        },
    };

    internal static StartTaskRequest Task(long serviceId, int index) => new()
    {
        Tenant = Tenant,
        ServiceId = serviceId,
        Event = new TaskStartEvent { TaskType = Value.ForNumber(10 + index), InteractionId = "task-" + index.ToString(CultureInfo.InvariantCulture) },
    };

    internal static QueryCustomerServicesRequest CustomerServices(int customer) => new() { Tenant = Tenant, CustomerId = Customer(customer) };

    internal static QueryTasksRequest Tasks(long serviceId) => new() { Tenant = Tenant, ServiceId = serviceId };
}
