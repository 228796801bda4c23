//! The root component: data context, router, shell and routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use super::address_data::provide_address_data;
use super::data::provide_data;
use super::deferred::deferred;
use super::shell::Shell;
use super::views;

/// The base path the app is served under, read from `<base href>` (Trunk's public_url), without
/// the trailing slash; empty at the root of a host.
pub(crate) fn router_base() -> String {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("base").ok().flatten())
        .and_then(|b| b.get_attribute("href"))
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

/// Address-level data needs the router (it reads `bron` from the URL), so it is provided inside it.
#[component]
fn AddressDataProvider() -> impl IntoView {
    provide_address_data();
}

#[component]
pub fn App() -> impl IntoView {
    provide_data();
    view! {
        <Router base=router_base()>
            <AddressDataProvider/>
            <Shell>
                // The routes are built a task after the shell: one task for both was the longest of
                // the start (the app is hidden under the static first paint until the data is in,
                // ui::boot, so nothing shows the gap).
                {deferred(1, || view! {
                    <Routes fallback=views::not_found::NotFound>
                        <Route path=path!("/") view=views::overzicht::Overzicht/>
                        <Route path=path!("/trends") view=views::trends::Trends/>
                        <Route path=path!("/doorlooptijden") view=views::doorlooptijden::Doorlooptijden/>
                        <Route path=path!("/gemeenten") view=views::gemeenten::Gemeenten/>
                        <Route path=path!("/gemeente/:code") view=views::gemeente::GemeentePage/>
                        <Route path=path!("/gemeente/:code/dorp/:dorp") view=views::dorp::DorpPage/>
                        <Route path=path!("/gemeente/:code/dorp/:dorp/cluster/:cluster") view=views::cluster::ClusterPage/>
                        <Route path=path!("/data") view=views::data_bronnen::DataBronnen/>
                        <Route path=path!("/over") view=views::over::Over/>
                    </Routes>
                })}
            </Shell>
        </Router>
    }
}
