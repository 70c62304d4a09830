// Command grpc-go-echo is the grpc-go peer of the echo benchmarks (bench/unary-echo.sh,
// bench/load-client.sh).
//
// It serves /journeygrpc.bench.v1.EchoService/Echo with google.protobuf.BytesValue as
// request and response. BytesValue is `bytes value = 1`, which is wire-identical to
// journeygrpc.bench.v1.EchoRequest/EchoResponse `bytes payload = 1`, so the same
// pre-framed h2load body works against every peer. EchoStream sends BytesValue responses
// (wire-identical to EchoStreamResponse) for an echoStreamRequest. No protoc plugin is
// available, so the service is registered with a hand-written grpc.ServiceDesc.
//
// Build (GOPATH mode against Debian's golang-google-grpc-dev, grpc-go 1.33):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o /tmp/grpc-go-echo ./bench/peers/grpc-go-echo
package main

import (
	"context"
	"flag"
	"log"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/golang/protobuf/proto"
	"github.com/golang/protobuf/ptypes/wrappers"
	"google.golang.org/grpc"
)

type echoServer interface {
	Echo(context.Context, *wrappers.BytesValue) (*wrappers.BytesValue, error)
}

type echo struct{}

func (echo) Echo(_ context.Context, in *wrappers.BytesValue) (*wrappers.BytesValue, error) {
	return &wrappers.BytesValue{Value: in.Value}, nil
}

func echoHandler(srv interface{}, ctx context.Context, dec func(interface{}) error, interceptor grpc.UnaryServerInterceptor) (interface{}, error) {
	in := new(wrappers.BytesValue)
	if err := dec(in); err != nil {
		return nil, err
	}
	if interceptor == nil {
		return srv.(echoServer).Echo(ctx, in)
	}
	info := &grpc.UnaryServerInfo{Server: srv, FullMethod: "/journeygrpc.bench.v1.EchoService/Echo"}
	handler := func(ctx context.Context, req interface{}) (interface{}, error) {
		return srv.(echoServer).Echo(ctx, req.(*wrappers.BytesValue))
	}
	return interceptor(ctx, in, info, handler)
}

// echoStreamRequest is journeygrpc.bench.v1.EchoStreamRequest, declared through struct tags.
type echoStreamRequest struct {
	Payload []byte `protobuf:"bytes,1,opt,name=payload,proto3"`
	Count   int32  `protobuf:"varint,2,opt,name=count,proto3"`
}

func (m *echoStreamRequest) Reset()         { *m = echoStreamRequest{} }
func (m *echoStreamRequest) String() string { return proto.CompactTextString(m) }
func (*echoStreamRequest) ProtoMessage()    {}

// echoStreamHandler sends the request's payload back count times, one response message
// reused for every send, as bench/EchoServer does.
func echoStreamHandler(_ interface{}, stream grpc.ServerStream) error {
	in := new(echoStreamRequest)
	if err := stream.RecvMsg(in); err != nil {
		return err
	}
	out := &wrappers.BytesValue{Value: in.Payload}
	for i := int32(0); i < in.Count; i++ {
		if err := stream.SendMsg(out); err != nil {
			return err
		}
	}
	return nil
}

var serviceDesc = grpc.ServiceDesc{
	ServiceName: "journeygrpc.bench.v1.EchoService",
	HandlerType: (*echoServer)(nil),
	Methods:     []grpc.MethodDesc{{MethodName: "Echo", Handler: echoHandler}},
	Streams:     []grpc.StreamDesc{{StreamName: "EchoStream", Handler: echoStreamHandler, ServerStreams: true}},
	Metadata:    "journeygrpc/bench/v1/echo.proto",
}

func main() {
	addr := flag.String("addr", "127.0.0.1:50053", "listen address (host:port)")
	flag.Parse()

	lis, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatalf("listen %s: %v", *addr, err)
	}
	s := grpc.NewServer()
	s.RegisterService(&serviceDesc, echo{})

	sig := make(chan os.Signal, 1)
	signal.Notify(sig, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-sig
		s.Stop()
	}()

	log.Printf("grpc-go-echo listening on %s", lis.Addr())
	if err := s.Serve(lis); err != nil {
		log.Fatalf("serve: %v", err)
	}
}
