use e2e::{tid, App};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread")]
#[ignore]
async fn zz_debug() {
    let app = App::launch().await;
    let c = app.client();
    for i in 0..40 {
        let t = Instant::now();
        let r = tokio::time::timeout(Duration::from_secs(5), c.find_all(fantoccini::Locator::Css(tid("active-profile-kind").css()))).await;
        eprintln!("{i} find_all: {:?} in {:?}", r.as_ref().map(|r| r.as_ref().map(|v| v.len())), t.elapsed());
        if let Ok(Ok(v)) = r {
            if let Some(e) = v.first() {
                let t = Instant::now();
                let d = tokio::time::timeout(Duration::from_secs(5), e.is_displayed()).await;
                eprintln!("{i}   displayed: {:?} in {:?}", d, t.elapsed());
                let t = Instant::now();
                let d = tokio::time::timeout(Duration::from_secs(5), e.text()).await;
                eprintln!("{i}   text: {:?} in {:?}", d, t.elapsed());
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
