//! Typed arrays and DataView over single-thread ArrayBuffer stores (the ones Buffers live in):
//! aliasing with Buffer views, and the borrow check that keeps raw accesses from aliasing a
//! lent `&mut [u8]`.

use nodebuf_core::data_view::DataView;
use nodebuf_core::memory::ArrayBuffer;
use nodebuf_core::typed_array::{Int32Array, Uint8Array};
use nodebuf_core::Buffer;

#[test]
fn typed_arrays_and_buffers_alias_one_store() {
    let buf = Buffer::alloc(16).unwrap();
    let store = buf.buffer();
    let ints = Int32Array::new(store.clone(), buf.byte_offset(), Some(4)).unwrap();
    ints.set(1, -2.0);
    assert_eq!(buf.to_vec().unwrap()[4..8], (-2i32).to_ne_bytes());
    buf.set(0, 7).unwrap();
    let bytes = Uint8Array::new(store.clone(), buf.byte_offset(), None).unwrap();
    assert_eq!(bytes.get(0), Some(7.0));
    let view = DataView::new(store, buf.byte_offset(), Some(16)).unwrap();
    view.set_uint16(8, 258.0, false).unwrap();
    assert_eq!(buf.to_vec().unwrap()[8..10], [1, 2]);
}

#[test]
fn raw_accesses_do_not_alias_a_lent_mutable_slice() {
    let store = ArrayBuffer::new(8).unwrap();
    let buf = Buffer::view(&store, 0, 8).unwrap();
    let ints = Int32Array::new(store, 0, None).unwrap();
    buf.with_bytes_mut(|bytes| {
        // While `bytes` is lent mutably, the typed array may neither read nor write those bytes.
        assert_eq!(ints.get(0), None);
        assert!(!ints.set(1, 5.0));
        bytes[0] = 9;
    })
    .unwrap();
    assert_eq!(ints.get(0), Some(i32::from_ne_bytes([9, 0, 0, 0]) as f64));
    assert!(ints.set(1, 5.0));
}
