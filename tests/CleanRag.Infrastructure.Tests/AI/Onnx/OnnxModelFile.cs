using System.Text;

namespace CleanRag.Infrastructure.Tests.AI.Onnx;

/// <summary>
/// Writes tiny ONNX models for tests, since no pretrained model can be downloaded here. ONNX files are
/// protobuf ModelProto messages; this encodes just the fields the test graphs need (field numbers from onnx.proto).
/// </summary>
internal static class OnnxModelFile
{
    private const int FloatType = 1;
    private const int Int64Type = 7;
    private const int IntAttribute = 2;

    /// <summary>
    /// A bi-encoder stand-in: last_hidden_state[b, s, :] = table[input_ids[b, s], :] (a Gather). Declares
    /// <paramref name="inputs"/> (input_ids first) as int64 [batch, sequence] inputs; the others are unused by the graph.
    /// </summary>
    public static byte[] TokenEmbeddingModel(float[,] table, params string[] inputs) => Model(graph =>
    {
        graph.String(2, "token_embeddings");
        graph.Message(1, node => Node(node, "Gather", ["table", "input_ids"], ["last_hidden_state"]));
        graph.Message(5, tensor => FloatTensor(tensor, "table", table));
        foreach (var input in inputs)
            graph.Message(11, value => ValueInfo(value, input, Int64Type, ["batch", "sequence"]));
        graph.Message(12, value => ValueInfo(value, "last_hidden_state", FloatType, ["batch", "sequence", table.GetLength(1)]));
    });

    /// <summary>
    /// A cross-encoder stand-in: logits[b, 0] = sum over tokens of weight[input_ids[b, s]] (Gather, then ReduceSum over
    /// the sequence). Declares input_ids, attention_mask and token_type_ids.
    /// </summary>
    public static byte[] TokenWeightSumModel(float[] weights) => Model(graph =>
    {
        var table = new float[weights.Length, 1];
        for (var i = 0; i < weights.Length; i++)
            table[i, 0] = weights[i];
        graph.String(2, "token_weight_sum");
        graph.Message(1, node => Node(node, "Gather", ["weights", "input_ids"], ["token_weights"]));
        graph.Message(1, node =>
        {
            Node(node, "ReduceSum", ["token_weights", "axes"], ["summed"]);
            node.Message(5, attribute =>
            {
                attribute.String(1, "keepdims");
                attribute.Varint(3, 0);
                attribute.Varint(20, IntAttribute);
            });
        });
        graph.Message(1, node => Node(node, "Identity", ["summed"], ["logits"]));
        graph.Message(5, tensor => FloatTensor(tensor, "weights", table));
        graph.Message(5, tensor =>
        {
            tensor.Packed(1, [1]);
            tensor.Varint(2, Int64Type);
            tensor.String(8, "axes");
            tensor.Bytes(9, BitConverter.GetBytes(1L));
        });
        foreach (var input in new[] { "input_ids", "attention_mask", "token_type_ids" })
            graph.Message(11, value => ValueInfo(value, input, Int64Type, ["batch", "sequence"]));
        graph.Message(12, value => ValueInfo(value, "logits", FloatType, ["batch", 1]));
    });

    private static byte[] Model(Action<ProtoWriter> graph)
    {
        var model = new ProtoWriter();
        model.Varint(1, 8); // ir_version
        model.String(2, "CleanRag tests"); // producer_name
        model.Message(7, graph);
        model.Message(8, opset => opset.Varint(2, 13)); // default domain, opset 13
        return model.ToArray();
    }

    private static void Node(ProtoWriter node, string opType, string[] inputs, string[] outputs)
    {
        foreach (var input in inputs)
            node.String(1, input);
        foreach (var output in outputs)
            node.String(2, output);
        node.String(3, $"{opType}_{outputs[0]}");
        node.String(4, opType);
    }

    private static void FloatTensor(ProtoWriter tensor, string name, float[,] values)
    {
        tensor.Packed(1, [values.GetLength(0), values.GetLength(1)]);
        tensor.Varint(2, FloatType);
        tensor.String(8, name);
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        tensor.Bytes(9, raw);
    }

    /// <summary>A tensor-typed value; each dimension is a fixed size (int) or a symbolic name (string).</summary>
    private static void ValueInfo(ProtoWriter value, string name, int elementType, object[] dimensions)
    {
        value.String(1, name);
        value.Message(2, type => type.Message(1, tensor =>
        {
            tensor.Varint(1, (ulong)elementType);
            tensor.Message(2, shape =>
            {
                foreach (var dimension in dimensions)
                    shape.Message(1, dim =>
                    {
                        if (dimension is int size)
                            dim.Varint(1, (ulong)size);
                        else
                            dim.String(2, (string)dimension);
                    });
            });
        }));
    }

    /// <summary>The protobuf wire format: varint (type 0) and length-delimited (type 2) fields.</summary>
    private sealed class ProtoWriter
    {
        private readonly MemoryStream _buffer = new();

        public byte[] ToArray() => _buffer.ToArray();

        public void Varint(int field, ulong value)
        {
            Tag(field, 0);
            Raw(value);
        }

        public void String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public void Bytes(int field, byte[] value)
        {
            Tag(field, 2);
            Raw((ulong)value.Length);
            _buffer.Write(value);
        }

        public void Packed(int field, long[] values)
        {
            var packed = new ProtoWriter();
            foreach (var value in values)
                packed.Raw((ulong)value);
            Bytes(field, packed.ToArray());
        }

        public void Message(int field, Action<ProtoWriter> write)
        {
            var message = new ProtoWriter();
            write(message);
            Bytes(field, message.ToArray());
        }

        private void Tag(int field, int wireType) => Raw((ulong)(field << 3 | wireType));

        private void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _buffer.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _buffer.WriteByte((byte)value);
        }
    }
}
